import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

/** `continue`: serve and record overage; `pause`: block new conversations beyond the balance. */
export async function setOveragePolicy(input: { workspaceId: string; actorUserId: string; policy: "continue" | "pause" }) {
  await db().$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: input.workspaceId }, data: { overagePolicy: input.policy } });
    await recordAudit(tx, { workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: "workspace.settings_updated", details: { overagePolicy: input.policy } });
  });
}
