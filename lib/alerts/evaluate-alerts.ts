import type { Queryable } from "@/lib/database/with-transaction";
import type { Balance } from "@/lib/credits/read-balance";
import { decideAlerts, type RuleState } from "@/lib/alerts/decide-alerts";
import { enqueueAlert } from "@/lib/alerts/enqueue-alert";

/**
 * Fires the thresholds the workspace's credits just crossed and re-arms those it rose back above,
 * given the balance after the change.
 * WARNING: call inside the transaction that changed the credits, after it locked the workspace row
 * (every credit change does first): crossings are then decided one transaction at a time, so
 * concurrent charges fire each alert exactly once, and a crash loses or repeats none.
 */
export async function evaluateAlerts(client: Queryable, workspaceId: string, balance: Balance): Promise<void> {
  const rules = await client.query<{ id: string; kind: RuleState["kind"]; threshold: number; fired_period: Date | null }>(
    `SELECT id, kind, threshold, fired_period FROM alert_rules WHERE workspace_id = $1 AND enabled`,
    [workspaceId],
  );
  if (!rules.rows.length) return;
  const included = balance.plan.included;
  const used = included - balance.remaining.plan;
  const percent = included > 0 ? Math.floor((used * 100) / included) : 100;
  const decision = decideAlerts(
    rules.rows.map((r) => ({ id: r.id, kind: r.kind, threshold: r.threshold, firedPeriod: r.fired_period?.getTime() ?? null })),
    { periodStart: balance.periodStart.getTime(), percentUsed: percent, remaining: balance.remaining.total },
  );
  if (decision.rearm.length) {
    await client.query(`UPDATE alert_rules SET fired_period = NULL WHERE id = ANY($1::uuid[])`, [decision.rearm.map((r) => r.id)]);
  }
  if (!decision.fire.length) return;
  const { rows } = await client.query<{ name: string; emails: string[]; webhook: string | null; locale: string }>(
    `SELECT name, alert_emails AS emails, alert_webhook_url AS webhook, alert_locale AS locale FROM workspaces WHERE id = $1`,
    [workspaceId],
  );
  const workspace = rows[0];
  if (!workspace) return;
  for (const rule of decision.fire) {
    await client.query(`UPDATE alert_rules SET fired_period = $2 WHERE id = $1`, [rule.id, balance.periodStart]);
    await enqueueAlert(
      client,
      { workspaceId, workspaceName: workspace.name, emails: workspace.emails, webhookUrl: workspace.webhook, locale: workspace.locale },
      { kind: rule.kind, threshold: rule.threshold, used: balance.usedThisPeriod, included, percent, remaining: balance.remaining.total },
      { ruleId: rule.id },
    );
  }
}
