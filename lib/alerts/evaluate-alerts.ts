import type { Queryable } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { decideAlerts, type RuleState } from "@/lib/alerts/decide-alerts";
import { enqueueAlert } from "@/lib/alerts/enqueue-alert";

/**
 * Fires the thresholds the workspace's credits just crossed and re-arms those it rose back above.
 * WARNING: call inside the transaction that changed the credits, with the workspace row locked
 * (every credit change takes it first): crossings are then decided one transaction at a time, so
 * concurrent charges fire each alert exactly once, and a crash loses or repeats none.
 */
export async function evaluateAlerts(client: Queryable, workspaceId: string): Promise<void> {
  const rules = await client.query<{ id: string; kind: RuleState["kind"]; threshold: number; fired_period: Date | null }>(
    `SELECT id, kind, threshold, fired_period FROM alert_rules WHERE workspace_id = $1 AND enabled`,
    [workspaceId],
  );
  if (!rules.rows.length) return;
  const billing = await readWorkspaceBilling(client, workspaceId, { lock: true });
  const { rows } = await client.query<{ included: number | null; used: number | null; charged: number | null; packs: number; name: string; emails: string[]; webhook: string | null; locale: string }>(
    `SELECT pp.included, pp.used, pp.charged, w.name, w.alert_emails AS emails, w.alert_webhook_url AS webhook, w.alert_locale AS locale,
            (SELECT coalesce(sum(granted - used), 0)::int FROM credit_packs WHERE workspace_id = w.id) AS packs
       FROM workspaces w LEFT JOIN plan_periods pp ON pp.workspace_id = w.id AND pp.period_start = $2
      WHERE w.id = $1`,
    [workspaceId, billing.periodStart],
  );
  const state = rows[0];
  if (!state || state.included === null) return;
  const used = state.used ?? 0;
  const remaining = state.included - used + state.packs;
  const percent = state.included > 0 ? Math.floor((used * 100) / state.included) : 100;
  const decision = decideAlerts(
    rules.rows.map((r) => ({ id: r.id, kind: r.kind, threshold: r.threshold, firedPeriod: r.fired_period?.getTime() ?? null })),
    { periodStart: billing.periodStart.getTime(), percentUsed: percent, remaining },
  );
  if (decision.rearm.length) {
    await client.query(`UPDATE alert_rules SET fired_period = NULL WHERE id = ANY($1::uuid[])`, [decision.rearm.map((r) => r.id)]);
  }
  for (const rule of decision.fire) {
    await client.query(`UPDATE alert_rules SET fired_period = $2 WHERE id = $1`, [rule.id, billing.periodStart]);
    await enqueueAlert(
      client,
      { workspaceId, workspaceName: state.name, emails: state.emails, webhookUrl: state.webhook, locale: state.locale },
      { kind: rule.kind, threshold: rule.threshold, used: state.charged ?? used, included: state.included, percent, remaining },
      { ruleId: rule.id },
    );
  }
}
