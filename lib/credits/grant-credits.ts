import { withTransaction } from "@/lib/database/with-transaction";
import { recordAuditSql } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { grantPackCredits } from "@/lib/credits/grant-pack-credits";

/** An operator's manual grant: never-expiring credits, in the ledger as an adjustment, and audited. */
export async function grantCredits(input: { workspaceId: string; amount: number; reason: string; actorUserId: string | null }) {
  return withTransaction(async (client) => {
    const exists = await client.query(`SELECT 1 FROM workspaces WHERE id = $1`, [input.workspaceId]);
    if (!exists.rowCount) throw notFound(`Workspace ${input.workspaceId}`);
    const grant = await grantPackCredits(client, {
      workspaceId: input.workspaceId,
      packId: "grant",
      conversations: input.amount,
      kind: "adjustment",
      description: input.reason,
    });
    await recordAuditSql(client, {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: "credits.granted",
      details: { amount: input.amount, reason: input.reason, settledOverage: grant.settledOverage },
    });
    return grant;
  });
}
