import type { Tx } from "@/lib/db";
import type { Queryable } from "@/lib/database/with-transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "workspace.created"
  | "workspace.settings_updated"
  | "api_key.created"
  | "api_key.revoked"
  | "member.added"
  | "member.invited"
  | "member.role_changed"
  | "member.removed"
  | "credits.granted"
  | "alert_rule.created"
  | "alert_rule.updated"
  | "alert_rule.deleted"
  | "end_user.erased"
  | "messages.purged";

/** Appends an admin action to the workspace's audit log, inside the caller's transaction. */
export async function recordAudit(
  tx: Tx,
  entry: { workspaceId: string; actorUserId: string | null; action: AuditAction; details?: Record<string, Prisma.InputJsonValue> },
): Promise<void> {
  await tx.auditEntry.create({
    data: { workspaceId: entry.workspaceId, actorUserId: entry.actorUserId, action: entry.action, details: entry.details ?? {} },
  });
}

/** The same, for code running on a raw pg transaction (the credit operations). */
export async function recordAuditSql(
  client: Queryable,
  entry: { workspaceId: string; actorUserId: string | null; action: AuditAction; details?: Record<string, unknown> },
): Promise<void> {
  await client.query(`INSERT INTO audit_log (workspace_id, actor_user_id, action, details) VALUES ($1, $2, $3, $4)`, [
    entry.workspaceId,
    entry.actorUserId,
    entry.action,
    JSON.stringify(entry.details ?? {}),
  ]);
}
