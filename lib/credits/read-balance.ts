import type { Queryable } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { PLANS, isPlanId } from "@/lib/credits/plans";

export interface Balance {
  periodStart: Date;
  periodEnd: Date;
  plan: { id: string; included: number };
  /** Conversations charged in the period, whatever paid for them. */
  usedThisPeriod: number;
  remaining: { plan: number; packs: number; total: number };
  /** Conversations charged beyond every credit and not yet paid off. */
  overage: number;
}

/** Where the workspace stands now. Before the period's first charge its allowance is still whole. */
export async function readBalance(client: Queryable, workspaceId: string): Promise<Balance> {
  const billing = await readWorkspaceBilling(client, workspaceId, { lock: false });
  const { rows } = await client.query<{ included: number | null; used: number | null; charged: number | null; packs: number }>(
    `SELECT pp.included, pp.used, pp.charged,
            (SELECT coalesce(sum(granted - used), 0)::int FROM credit_packs WHERE workspace_id = $1) AS packs
       FROM (SELECT 1) AS one
       LEFT JOIN plan_periods pp ON pp.workspace_id = $1 AND pp.period_start = $2`,
    [workspaceId, billing.periodStart],
  );
  const row = rows[0];
  const included = row?.included ?? (isPlanId(billing.plan) ? PLANS[billing.plan].includedConversations : 0);
  const planLeft = included - (row?.used ?? 0);
  const packs = row?.packs ?? 0;
  return {
    periodStart: billing.periodStart,
    periodEnd: billing.periodEnd,
    plan: { id: billing.plan, included },
    usedThisPeriod: row?.charged ?? 0,
    remaining: { plan: planLeft, packs, total: planLeft + packs },
    overage: billing.overageOutstanding,
  };
}
