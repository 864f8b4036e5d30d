import { pool } from "@/lib/db";

/** Whether the workspace ever received an event (pages show their first-run state until then). */
export async function hasTraffic(workspaceId: string): Promise<boolean> {
  const { rows } = await pool().query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM events WHERE workspace_id = $1) AS any`, [workspaceId]);
  return rows[0]?.any ?? false;
}
