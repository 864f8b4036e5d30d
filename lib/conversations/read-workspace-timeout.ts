import { pool } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The workspace's inactivity timeout in milliseconds (statuses are derived with it at read time). */
export async function readWorkspaceTimeout(workspaceId: string): Promise<number> {
  const { rows } = await pool().query<{ timeout_minutes: number }>(`SELECT timeout_minutes FROM workspaces WHERE id = $1`, [workspaceId]);
  const row = rows[0];
  if (!row) throw notFound("Workspace");
  return row.timeout_minutes * 60_000;
}
