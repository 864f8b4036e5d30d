import { randomUUID } from "node:crypto";
import type { Queryable } from "@/lib/database/with-transaction";
import { env } from "@/lib/env";
import { alertText, type AlertFacts } from "@/lib/alerts/alert-text";

export interface AlertTargets {
  workspaceId: string;
  workspaceName: string;
  emails: string[];
  webhookUrl: string | null;
  locale: string;
}

/**
 * Records one alert for every channel, in the caller's transaction: an in-app notification, one
 * outbox e-mail per recipient and one outbox webhook. Nothing is sent here; the worker does it
 * after commit, so the request never waits on SMTP or a webhook endpoint.
 */
export async function enqueueAlert(
  client: Queryable,
  targets: AlertTargets,
  facts: Omit<AlertFacts, "workspace" | "billingUrl">,
  options: { ruleId: string | null; channels?: ("in_app" | "email" | "webhook")[] } = { ruleId: null },
): Promise<void> {
  const channels = new Set(options.channels ?? ["in_app", "email", "webhook"]);
  const billingUrl = new URL("/dashboard/billing", env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
  const text = await alertText(targets.locale, { ...facts, workspace: targets.workspaceName, billingUrl });
  const payload = {
    // WARNING: one id per alert, the same in every delivery: a webhook may arrive twice after a
    // crash mid-send, and receivers dedupe on it.
    id: randomUUID(),
    type: facts.kind === "test" ? "alert.test" : "alert.threshold_crossed",
    workspaceId: targets.workspaceId,
    ruleId: options.ruleId,
    kind: facts.kind,
    threshold: facts.threshold,
    usedThisPeriod: facts.used,
    included: facts.included,
    percentUsed: facts.percent,
    remaining: facts.remaining,
    billingUrl,
    subject: text.subject,
    createdAt: new Date().toISOString(),
  };
  if (channels.has("in_app")) {
    await client.query(`INSERT INTO notifications (workspace_id, rule_id, title, body) VALUES ($1, $2, $3, $4)`, [targets.workspaceId, options.ruleId, text.subject, text.body]);
  }
  const recipients: [string, string][] = [];
  if (channels.has("email")) for (const email of targets.emails) recipients.push(["email", email]);
  if (channels.has("webhook") && targets.webhookUrl) recipients.push(["webhook", targets.webhookUrl]);
  if (!recipients.length) return;
  await client.query(
    `INSERT INTO outbox (workspace_id, channel, recipient, subject, body, payload)
     SELECT $1, r.channel, r.recipient, $4, $5, $6 FROM unnest($2::outbox_channel[], $3::text[]) AS r(channel, recipient)`,
    [targets.workspaceId, recipients.map(([channel]) => channel), recipients.map(([, to]) => to), text.subject, text.body, JSON.stringify(payload)],
  );
}
