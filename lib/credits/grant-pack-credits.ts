import type { Queryable } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { readBalance } from "@/lib/credits/read-balance";

export interface PackGrant {
  workspaceId: string;
  /** pack-100, pack-500, pack-2000, or "grant" for an operator adjustment. */
  packId: string;
  conversations: number;
  kind: "pack_purchase" | "adjustment";
  description: string;
  purchaseId?: string;
}

/**
 * Adds never-expiring credits in the caller's transaction. Outstanding overage is paid off first
 * (those conversations were already served), so only the rest becomes spendable.
 * WARNING: credit_packs.purchase_id is unique: a purchase granted twice fails the transaction.
 */
export async function grantPackCredits(client: Queryable, grant: PackGrant): Promise<{ creditPackId: string; settledOverage: number }> {
  const billing = await readWorkspaceBilling(client, grant.workspaceId, { lock: true });
  const settledOverage = Math.min(billing.overageOutstanding, grant.conversations);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO credit_packs (workspace_id, pack_id, granted, used, purchase_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [grant.workspaceId, grant.packId, grant.conversations, settledOverage, grant.purchaseId ?? null],
  );
  const creditPackId = rows[0]?.id ?? "";
  await client.query(
    `INSERT INTO ledger_entries (workspace_id, kind, amount, credit_pack_id, description) VALUES ($1, $2::ledger_kind, $3, $4, $5)`,
    [grant.workspaceId, grant.kind, grant.conversations, creditPackId, grant.description],
  );
  if (settledOverage) {
    await client.query(`UPDATE workspaces SET overage_outstanding = overage_outstanding - $2 WHERE id = $1`, [grant.workspaceId, settledOverage]);
  }
  await evaluateAlerts(client, grant.workspaceId, await readBalance(client, grant.workspaceId));
  return { creditPackId, settledOverage };
}
