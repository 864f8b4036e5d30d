import type { Queryable } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { ensurePlanPeriod } from "@/lib/credits/ensure-plan-period";
import { PLANS, type PlanId } from "@/lib/credits/plans";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { readBalance } from "@/lib/credits/read-balance";

/**
 * Switches the workspace's plan now. The current period's allowance becomes the new plan's (never
 * below what was already used), recorded as a ledger adjustment; packs are untouched.
 */
export async function changePlan(client: Queryable, workspaceId: string, plan: PlanId): Promise<{ previous: string; allowanceDelta: number }> {
  const billing = await readWorkspaceBilling(client, workspaceId, { lock: true });
  const period = await ensurePlanPeriod(client, workspaceId, billing);
  await client.query(`UPDATE workspaces SET plan = $2 WHERE id = $1`, [workspaceId, plan]);
  const included = Math.max(period.used, PLANS[plan].includedConversations);
  const delta = included - period.included;
  if (delta !== 0) {
    await client.query(`UPDATE plan_periods SET included = $3, plan = $4 WHERE workspace_id = $1 AND period_start = $2`, [
      workspaceId,
      billing.periodStart,
      included,
      plan,
    ]);
    await client.query(
      `INSERT INTO ledger_entries (workspace_id, kind, amount, period_start, description) VALUES ($1, 'adjustment', $2, $3, $4)`,
      [workspaceId, delta, billing.periodStart, `Plan changed from ${billing.plan} to ${plan}`],
    );
  }
  await evaluateAlerts(client, workspaceId, await readBalance(client, workspaceId));
  return { previous: billing.plan, allowanceDelta: delta };
}
