import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "workspace.created"
  | "workspace.settings_updated"
  | "api_key.created"
  | "api_key.revoked"
  | "member.added";

/** Appends an admin action to the workspace's audit log, inside the caller's transaction. */
export async function recordAudit(
  tx: Tx,
  entry: { workspaceId: string; actorUserId: string | null; action: AuditAction; details?: Record<string, Prisma.InputJsonValue> },
): Promise<void> {
  await tx.auditEntry.create({
    data: { workspaceId: entry.workspaceId, actorUserId: entry.actorUserId, action: entry.action, details: entry.details ?? {} },
  });
}
