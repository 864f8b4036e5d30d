import type { Queryable } from "@/lib/database/with-transaction";
import { BILLING_PERIOD_SQL } from "@/lib/credits/billing-period";
import { PLANS, isPlanId } from "@/lib/credits/plans";

export interface Balance {
  periodStart: Date;
  periodEnd: Date;
  /** The workspace's time zone, which sets the calendar period and its days. */
  timeZone: string;
  plan: { id: string; included: number };
  /** Conversations charged in the period, whatever paid for them. */
  usedThisPeriod: number;
  remaining: { plan: number; packs: number; total: number };
  /** Conversations charged beyond every credit and not yet paid off. */
  overage: number;
}

/**
 * Where the workspace stands now, in one round trip (it is read by every ingest request). Before the
 * period's first charge its allowance is still whole.
 */
export async function readBalance(client: Queryable, workspaceId: string): Promise<Balance> {
  const { rows } = await client.query<{
    plan: string;
    overage_outstanding: number;
    time_zone: string;
    period_start: Date;
    period_end: Date;
    included: number | null;
    used: number | null;
    charged: number | null;
    packs: number;
  }>(
    `SELECT b.plan, b.overage_outstanding, b.time_zone, b.period_start, b.period_end, pp.included, pp.used, pp.charged,
            (SELECT coalesce(sum(granted - used), 0)::int FROM credit_packs WHERE workspace_id = $1) AS packs
       FROM (${BILLING_PERIOD_SQL}) AS b
       LEFT JOIN plan_periods pp ON pp.workspace_id = $1 AND pp.period_start = b.period_start`,
    [workspaceId],
  );
  const row = rows[0];
  if (!row) throw new Error(`Workspace ${workspaceId} not found.`);
  const included = row.included ?? (isPlanId(row.plan) ? PLANS[row.plan].includedConversations : 0);
  const planLeft = included - (row.used ?? 0);
  return {
    periodStart: row.period_start,
    periodEnd: row.period_end,
    timeZone: row.time_zone,
    plan: { id: row.plan, included },
    usedThisPeriod: row.charged ?? 0,
    remaining: { plan: planLeft, packs: row.packs, total: planLeft + row.packs },
    overage: row.overage_outstanding,
  };
}
