import type { Queryable } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { ensurePlanPeriod } from "@/lib/credits/ensure-plan-period";

export type ChargeSource = "plan" | "pack" | "overage";

export interface ChargeSummary {
  plan: number;
  packs: number;
  overage: number;
}

/**
 * Writes one ledger debit per conversation, drawing in order from the current period's plan
 * allowance, then packs oldest first, then overage. Runs in the caller's transaction; the
 * workspace row is locked first, so concurrent charges of one workspace queue here.
 * WARNING: the unique key on ledger_entries.conversation_id makes a second charge of the same
 * conversation fail the whole transaction; callers decide chargeability under the key lock, and
 * evaluate alerts (lib/alerts) with the balance afterwards, in the same transaction.
 */
export async function recordCharges(client: Queryable, workspaceId: string, conversationIds: string[]): Promise<ChargeSummary> {
  if (conversationIds.length === 0) return { plan: 0, packs: 0, overage: 0 };
  const billing = await readWorkspaceBilling(client, workspaceId, { lock: true });
  const period = await ensurePlanPeriod(client, workspaceId, billing);

  const fromPlan = Math.min(conversationIds.length, period.included - period.used);
  const sources: ChargeSource[] = conversationIds.map((_, index) => (index < fromPlan ? "plan" : "overage"));
  const packIds: (string | null)[] = conversationIds.map(() => null);

  let next = fromPlan;
  const packUse: { id: string; count: number }[] = [];
  if (next < conversationIds.length) {
    const packs = await client.query<{ id: string; remaining: number }>(
      `SELECT id, granted - used AS remaining FROM credit_packs
        WHERE workspace_id = $1 AND used < granted ORDER BY created_at, id FOR UPDATE`,
      [workspaceId],
    );
    for (const pack of packs.rows) {
      const count = Math.min(pack.remaining, conversationIds.length - next);
      if (count <= 0) break;
      packUse.push({ id: pack.id, count });
      for (let index = next; index < next + count; index++) {
        sources[index] = "pack";
        packIds[index] = pack.id;
      }
      next += count;
    }
  }
  const overage = conversationIds.length - next;

  await client.query(
    `INSERT INTO ledger_entries (workspace_id, kind, amount, source, period_start, credit_pack_id, conversation_id, description)
     SELECT $1::uuid, 'debit', -1, c.source, CASE WHEN c.source = 'plan' THEN $2::timestamptz END, c.pack_id, c.conversation_id, 'Conversation charged'
       FROM unnest($3::uuid[], $4::text[], $5::uuid[]) AS c(conversation_id, source, pack_id)`,
    [workspaceId, billing.periodStart, conversationIds, sources, packIds],
  );
  await client.query(`UPDATE plan_periods SET used = used + $3, charged = charged + $4 WHERE workspace_id = $1 AND period_start = $2`, [
    workspaceId,
    billing.periodStart,
    fromPlan,
    conversationIds.length,
  ]);
  if (packUse.length) {
    await client.query(`UPDATE credit_packs p SET used = p.used + u.count FROM unnest($1::uuid[], $2::int[]) AS u(id, count) WHERE p.id = u.id`, [
      packUse.map((use) => use.id),
      packUse.map((use) => use.count),
    ]);
  }
  if (overage) await client.query(`UPDATE workspaces SET overage_outstanding = overage_outstanding + $2 WHERE id = $1`, [workspaceId, overage]);
  return { plan: fromPlan, packs: next - fromPlan, overage };
}

/**
 * Credits that can still pay for conversations (plan allowance left + packs left), with the
 * workspace locked: the `pause` policy decides what to block from this number.
 */
export async function lockAvailableCredits(client: Queryable, workspaceId: string): Promise<number> {
  const billing = await readWorkspaceBilling(client, workspaceId, { lock: true });
  const period = await ensurePlanPeriod(client, workspaceId, billing);
  const packs = await client.query<{ remaining: number }>(
    `SELECT coalesce(sum(granted - used), 0)::int AS remaining FROM credit_packs WHERE workspace_id = $1`,
    [workspaceId],
  );
  return period.included - period.used + (packs.rows[0]?.remaining ?? 0);
}
