import type { Queryable } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { readBalance } from "@/lib/credits/read-balance";

/**
 * Takes back up to `wanted` unused credits of a pack (a refund), never below what was already
 * used, in the caller's transaction. Returns how many were taken back.
 */
export async function reclaimPackCredits(client: Queryable, input: { workspaceId: string; creditPackId: string; wanted: number; description: string }): Promise<number> {
  await readWorkspaceBilling(client, input.workspaceId, { lock: true });
  const { rows } = await client.query<{ remaining: number }>(
    `SELECT granted - used AS remaining FROM credit_packs WHERE id = $1 AND workspace_id = $2 FOR UPDATE`,
    [input.creditPackId, input.workspaceId],
  );
  const reclaimed = Math.max(0, Math.min(rows[0]?.remaining ?? 0, input.wanted));
  if (!reclaimed) return 0;
  await client.query(`UPDATE credit_packs SET granted = granted - $2 WHERE id = $1`, [input.creditPackId, reclaimed]);
  await client.query(
    `INSERT INTO ledger_entries (workspace_id, kind, amount, credit_pack_id, description) VALUES ($1, 'refund_reversal', $2, $3, $4)`,
    [input.workspaceId, -reclaimed, input.creditPackId, input.description],
  );
  await evaluateAlerts(client, input.workspaceId, await readBalance(client, input.workspaceId));
  return reclaimed;
}
