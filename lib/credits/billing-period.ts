import type { Queryable } from "@/lib/database/with-transaction";

/** The workspace ($1) with its current billing period; shared by every credit read. */
export const BILLING_PERIOD_SQL = `
  SELECT w.plan, w.overage_policy, w.overage_outstanding, w.time_zone,
         CASE WHEN p.in_subscription THEN w.subscription_period_start ELSE p.local_month AT TIME ZONE w.time_zone END AS period_start,
         CASE WHEN p.in_subscription THEN w.subscription_period_end ELSE (p.local_month + interval '1 month') AT TIME ZONE w.time_zone END AS period_end
    FROM workspaces w,
         LATERAL (SELECT coalesce(w.subscription_period_start <= now() AND now() < w.subscription_period_end, false) AS in_subscription,
                         date_trunc('month', now() AT TIME ZONE w.time_zone) AS local_month) AS p
   WHERE w.id = $1`;

export interface WorkspaceBilling {
  plan: string;
  overagePolicy: "continue" | "pause";
  overageOutstanding: number;
  timeZone: string;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * The workspace's billing settings and its current period: the Stripe subscription's period while
 * one covers now, otherwise the calendar month in the workspace's time zone, measured at the
 * transaction's start time. `lock` takes the workspace row FOR NO KEY
 * UPDATE, which every credit change does first, so charges and grants of one workspace never
 * interleave. WARNING: not FOR UPDATE: inserts referencing the workspace hold KEY SHARE locks on it,
 * and two transactions upgrading those to FOR UPDATE deadlock each other.
 */
export async function readWorkspaceBilling(client: Queryable, workspaceId: string, options: { lock: boolean }): Promise<WorkspaceBilling> {
  const { rows } = await client.query<{
    plan: string;
    overage_policy: "continue" | "pause";
    overage_outstanding: number;
    time_zone: string;
    period_start: Date;
    period_end: Date;
  }>(`${BILLING_PERIOD_SQL} ${options.lock ? "FOR NO KEY UPDATE OF w" : ""}`, [workspaceId]);
  const row = rows[0];
  if (!row) throw new Error(`Workspace ${workspaceId} vanished during a credit operation.`);
  return {
    plan: row.plan,
    overagePolicy: row.overage_policy,
    overageOutstanding: row.overage_outstanding,
    timeZone: row.time_zone,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}
