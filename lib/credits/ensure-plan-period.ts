import type { Queryable } from "@/lib/database/with-transaction";
import { PLANS, isPlanId } from "@/lib/credits/plans";
import type { WorkspaceBilling } from "@/lib/credits/billing-period";

export interface PlanPeriodRow {
  included: number;
  used: number;
  charged: number;
}

/**
 * The current period's allowance row, created on first use together with its ledger grant; what an
 * earlier period left unused is written off in the same step (allowances do not roll over).
 * WARNING: call only with the workspace row locked (readWorkspaceBilling with lock), so the
 * allowance is granted exactly once.
 */
export async function ensurePlanPeriod(client: Queryable, workspaceId: string, billing: WorkspaceBilling): Promise<PlanPeriodRow> {
  const existing = await client.query<PlanPeriodRow>(
    `SELECT included, used, charged FROM plan_periods WHERE workspace_id = $1 AND period_start = $2`,
    [workspaceId, billing.periodStart],
  );
  if (existing.rows[0]) return existing.rows[0];

  const included = isPlanId(billing.plan) ? PLANS[billing.plan].includedConversations : 0;
  const expired = await client.query<{ period_start: Date; remaining: number }>(
    `UPDATE plan_periods SET expired = true
      WHERE workspace_id = $1 AND NOT expired AND period_start < $2
      RETURNING period_start, included - used AS remaining`,
    [workspaceId, billing.periodStart],
  );
  await client.query(
    `INSERT INTO plan_periods (workspace_id, period_start, period_end, plan, included) VALUES ($1, $2, $3, $4, $5)`,
    [workspaceId, billing.periodStart, billing.periodEnd, billing.plan, included],
  );
  await client.query(
    `INSERT INTO ledger_entries (workspace_id, kind, amount, period_start, description)
     SELECT $1::uuid, 'plan_expiry'::ledger_kind, -e.remaining, e.period_start, 'Unused plan allowance expired'::text
       FROM unnest($2::timestamptz[], $3::int[]) AS e(period_start, remaining) WHERE e.remaining > 0
     UNION ALL
     SELECT $1::uuid, 'plan_allowance'::ledger_kind, $4::int, $5::timestamptz, $6::text`,
    [
      workspaceId,
      expired.rows.map((row) => row.period_start),
      expired.rows.map((row) => row.remaining),
      included,
      billing.periodStart,
      `${billing.plan} plan allowance`,
    ],
  );
  return { included, used: 0, charged: 0 };
}
