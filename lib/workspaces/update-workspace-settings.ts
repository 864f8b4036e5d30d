import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceSettingsInput } from "@/lib/workspaces/schemas";

/**
 * Saves name, inactivity timeout, time zone and message retention. A new timeout applies to gaps measured from now on:
 * metering reads the workspace's timeout when each event arrives.
 */
export async function updateWorkspaceSettings(input: { workspaceId: string; actorUserId: string; settings: WorkspaceSettingsInput }) {
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: input.workspaceId },
      select: { name: true, timeoutMinutes: true, timeZone: true, messageRetentionDays: true },
    });
    const after = await tx.workspace.update({
      where: { id: input.workspaceId },
      data: input.settings,
      select: { name: true, timeoutMinutes: true, timeZone: true, messageRetentionDays: true },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: "workspace.settings_updated",
      details: { before, after },
    });
    return after;
  });
}
