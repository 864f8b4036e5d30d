import { randomBytes } from "node:crypto";
import { db, pool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { withTransaction, type Queryable } from "@/lib/database/with-transaction";
import { recordAudit, recordAuditSql } from "@/lib/audit/record-audit";
import { enqueueAlert } from "@/lib/alerts/enqueue-alert";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { readBalance } from "@/lib/credits/read-balance";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";

type RuleInput = { kind: "percent_used" | "remaining_below"; threshold: number; enabled: boolean };
type Actor = { workspaceId: string; actorUserId: string };

export async function readAlertSettings(workspaceId: string) {
  const [workspace, rules] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { alertEmails: true, alertWebhookUrl: true, alertLocale: true } }),
    db().alertRule.findMany({ where: { workspaceId }, orderBy: [{ kind: "asc" }, { threshold: "asc" }], select: { id: true, kind: true, threshold: true, enabled: true, firedPeriod: true } }),
  ]);
  return { ...workspace, rules };
}

// A changed rule is evaluated at once, in one transaction with the workspace locked, so a threshold
// already crossed fires now instead of at the next charge.
async function changeRules(actor: Actor, change: (client: Queryable) => Promise<void>) {
  await withTransaction(async (client) => {
    await readWorkspaceBilling(client, actor.workspaceId, { lock: true });
    await change(client);
    await evaluateAlerts(client, actor.workspaceId, await readBalance(client, actor.workspaceId));
  });
}

export async function createAlertRule(actor: Actor, rule: RuleInput) {
  await changeRules(actor, async (client) => {
    await client.query(`INSERT INTO alert_rules (workspace_id, kind, threshold, enabled) VALUES ($1, $2, $3, $4)`, [actor.workspaceId, rule.kind, rule.threshold, rule.enabled]);
    await recordAuditSql(client, { workspaceId: actor.workspaceId, actorUserId: actor.actorUserId, action: "alert_rule.created", details: rule });
  });
}

export async function updateAlertRule(actor: Actor, ruleId: string, rule: RuleInput) {
  await changeRules(actor, async (client) => {
    const updated = await client.query(`UPDATE alert_rules SET kind = $3, threshold = $4, enabled = $5, fired_period = NULL WHERE id = $1 AND workspace_id = $2`, [
      ruleId,
      actor.workspaceId,
      rule.kind,
      rule.threshold,
      rule.enabled,
    ]);
    if (!updated.rowCount) throw notFound("Alert");
    await recordAuditSql(client, { workspaceId: actor.workspaceId, actorUserId: actor.actorUserId, action: "alert_rule.updated", details: { ruleId, ...rule } });
  });
}

export async function deleteAlertRule(actor: Actor, ruleId: string) {
  await withTransaction(async (client) => {
    const deleted = await client.query(`DELETE FROM alert_rules WHERE id = $1 AND workspace_id = $2`, [ruleId, actor.workspaceId]);
    if (!deleted.rowCount) throw notFound("Alert");
    await recordAuditSql(client, { workspaceId: actor.workspaceId, actorUserId: actor.actorUserId, action: "alert_rule.deleted", details: { ruleId } });
  });
}

/** Saves recipients, webhook URL and language. A new webhook URL gets a new secret, returned once. */
export async function saveAlertChannels(actor: Actor, channels: { emails: string[]; webhookUrl: string; locale: "en" | "fr" }): Promise<{ webhookSecret: string | null }> {
  return db().$transaction(async (tx) => {
    const current = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { alertWebhookUrl: true } });
    const url = channels.webhookUrl || null;
    const webhookSecret = url && url !== current.alertWebhookUrl ? `whsec_${randomBytes(24).toString("base64url")}` : null;
    await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { alertEmails: channels.emails, alertWebhookUrl: url, alertLocale: channels.locale, ...(webhookSecret || !url ? { alertWebhookSecret: webhookSecret } : {}) },
    });
    await recordAudit(tx, { workspaceId: actor.workspaceId, actorUserId: actor.actorUserId, action: "workspace.settings_updated", details: { alertEmails: channels.emails, alertWebhookUrl: url ?? "" } });
    return { webhookSecret };
  });
}

/** "Send test alert" for one channel: the same path as a real alert, marked as a test. */
export async function sendTestAlert(actor: Actor, channel: "email" | "webhook" | "in_app") {
  const settings = await db().workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true, alertEmails: true, alertWebhookUrl: true, alertLocale: true } });
  if (channel === "email" && !settings.alertEmails.length) throw new AppError({ code: "conflict", message: "Add at least one e-mail recipient first." });
  if (channel === "webhook" && !settings.alertWebhookUrl) throw new AppError({ code: "conflict", message: "Save a webhook URL first." });
  const balance = await readBalance(pool(), actor.workspaceId);
  await withTransaction((client) =>
    enqueueAlert(
      client,
      { workspaceId: actor.workspaceId, workspaceName: settings.name, emails: settings.alertEmails, webhookUrl: settings.alertWebhookUrl, locale: settings.alertLocale },
      { kind: "test", threshold: 0, used: balance.usedThisPeriod, included: balance.plan.included, percent: 0, remaining: balance.remaining.total },
      { ruleId: null, channels: [channel] },
    ),
  );
}
