import { pool } from "@/lib/db";
import { recordAuditSql } from "@/lib/audit/record-audit";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Applies every workspace's retention setting: message texts older than its number of days become
 * null. Only texts: conversations, counts and charges stay. Each purge that erased something is
 * recorded in the workspace's audit log. Returns the number of texts erased per workspace.
 */
export async function purgeExpiredTexts(now = new Date(), onlyWorkspaceId?: string): Promise<Map<string, number>> {
  const { rows: workspaces } = await pool().query<{ id: string; days: number }>(
    `SELECT id, message_retention_days AS days FROM workspaces WHERE message_retention_days IS NOT NULL AND ($1::uuid IS NULL OR id = $1)`,
    [onlyWorkspaceId ?? null],
  );
  const purged = new Map<string, number>();
  for (const workspace of workspaces) {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      const cutoff = new Date(now.getTime() - workspace.days * DAY_MS);
      const erased = await client.query(`UPDATE events SET text = NULL WHERE workspace_id = $1 AND text IS NOT NULL AND at < $2`, [workspace.id, cutoff]);
      const count = erased.rowCount ?? 0;
      if (count) {
        await recordAuditSql(client, {
          workspaceId: workspace.id,
          actorUserId: null,
          action: "messages.purged",
          details: { retentionDays: workspace.days, olderThan: cutoff.toISOString(), messagesErased: count },
        });
      }
      await client.query("COMMIT");
      purged.set(workspace.id, count);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return purged;
}
