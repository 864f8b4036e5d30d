import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signWebhookBody } from "@/lib/alerts/send-outbox-message";
import { grantCredits } from "@/lib/credits/grant-credits";
import { createAlertRule, saveAlertChannels, sendTestAlert } from "@/lib/alerts/manage-alerts";
import { ApiClient } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { queryOne } from "../support/invariants";
import { createIsolatedDatabase, freePort, startTestApp } from "../support/test-environment";
import { eventually, WebhookReceiver } from "../support/webhook-receiver";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");
const adminUrl = inject("adminDatabaseUrl");
const receiver = new WebhookReceiver();

beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

async function converse(api: ApiClient, count: number, prefix: string) {
  const events = Array.from({ length: count }, (_, i) => [
    { id: `${prefix}-${i}-q`, endUserId: `${prefix}-${i}`, role: "user" },
    { id: `${prefix}-${i}-a`, endUserId: `${prefix}-${i}`, role: "assistant" },
  ]).flat();
  const { status } = await api.postEvents(events);
  expect(status).toBe(200);
}

async function counts(workspaceId: string) {
  return queryOne<{ notifications: number; emails: number; webhooks: number }>(
    databaseUrl,
    `SELECT (SELECT count(*)::int FROM notifications WHERE workspace_id = $1) AS notifications,
            (SELECT count(*)::int FROM outbox WHERE workspace_id = $1 AND channel = 'email') AS emails,
            (SELECT count(*)::int FROM outbox WHERE workspace_id = $1 AND channel = 'webhook') AS webhooks`,
    [workspaceId],
  );
}

describe("usage alerts", () => {
  it("send exactly two alerts per channel when 80 % then 100 % are crossed under concurrent ingestion", async () => {
    const workspace = await createTestWorkspace();
    const actor = { workspaceId: workspace.workspaceId, actorUserId: workspace.userId };
    const { webhookSecret } = await saveAlertChannels(actor, { emails: ["owner@example.test"], webhookUrl: receiver.url, locale: "en" });
    const api = new ApiClient(appUrl, workspace.apiKey);
    await Promise.all(Array.from({ length: 11 }, (_, batch) => converse(api, 5, `c${batch}`)));

    expect(await counts(workspace.workspaceId)).toEqual({ notifications: 2, emails: 2, webhooks: 2 });
    const mine = () => receiver.received.filter((hook) => JSON.parse(hook.body).workspaceId === workspace.workspaceId);
    await eventually(async () => mine().length === 2);
    for (const hook of mine()) expect(hook.signature).toBe(signWebhookBody(hook.body, webhookSecret ?? ""));
    expect(mine().map((hook) => JSON.parse(hook.body).threshold).sort()).toEqual([100, 80]);
    const emails = await eventually(() =>
      queryOne<{ stored: number; subjects: string }>(
        databaseUrl,
        `SELECT count(*) FILTER (WHERE status = 'stored')::int AS stored, string_agg(subject, ' | ' ORDER BY id) AS subjects FROM outbox WHERE workspace_id = $1 AND channel = 'email'`,
        [workspace.workspaceId],
      ).then((row) => (row.stored === 2 ? row : null)),
    );
    expect(emails.subjects).toMatch(/80% of your plan's conversations used \| .*100% of your plan's conversations used/);
  });

  it("fire again after a pack purchase re-arms a low-balance threshold", async () => {
    const workspace = await createTestWorkspace();
    const actor = { workspaceId: workspace.workspaceId, actorUserId: workspace.userId };
    await queryOne(databaseUrl, `DELETE FROM alert_rules WHERE workspace_id = $1`, [workspace.workspaceId]);
    await createAlertRule(actor, { kind: "remaining_below", threshold: 10, enabled: true });
    const api = new ApiClient(appUrl, workspace.apiKey);
    await converse(api, 45, "a");
    await converse(api, 3, "b");
    expect((await counts(workspace.workspaceId)).notifications).toBe(1);
    await grantCredits({ workspaceId: workspace.workspaceId, amount: 20, reason: "pack", actorUserId: null });
    const rule = await queryOne<{ fired_period: Date | null }>(databaseUrl, `SELECT fired_period FROM alert_rules WHERE workspace_id = $1`, [workspace.workspaceId]);
    expect(rule.fired_period).toBeNull();
    await converse(api, 14, "c");
    expect((await counts(workspace.workspaceId)).notifications).toBe(2);
  });

  it("retry a failing webhook with backoff, then mark it failed, without blocking ingestion", async () => {
    const failing = new WebhookReceiver();
    failing.status = 500;
    await failing.start();
    try {
      const workspace = await createTestWorkspace();
      const actor = { workspaceId: workspace.workspaceId, actorUserId: workspace.userId };
      await saveAlertChannels(actor, { emails: [], webhookUrl: failing.url, locale: "fr" });
      await sendTestAlert(actor, "webhook");
      const api = new ApiClient(appUrl, workspace.apiKey);
      await converse(api, 3, "meanwhile");
      const message = await eventually(
        () => queryOne<{ status: string; attempts: number; last_error: string }>(databaseUrl, `SELECT status, attempts, last_error FROM outbox WHERE workspace_id = $1`, [workspace.workspaceId]).then((row) => (row.status === "failed" ? row : null)),
        30_000,
      );
      expect(message).toEqual({ status: "failed", attempts: 5, last_error: "HTTP 500" });
      expect(failing.received).toHaveLength(5);
      const attempts = await queryOne<{ codes: number[] }>(
        databaseUrl,
        `SELECT array_agg(a.status_code ORDER BY a.attempt) AS codes FROM outbox_attempts a JOIN outbox o ON o.id = a.outbox_id WHERE o.workspace_id = $1`,
        [workspace.workspaceId],
      );
      expect(attempts.codes).toEqual([500, 500, 500, 500, 500]);
      expect(JSON.parse(failing.received[0]?.body ?? "{}")).toMatchObject({ type: "alert.test", subject: expect.stringContaining("alerte de test") });
    } finally {
      await failing.stop();
    }
  });
});

describe("alert e-mail over SMTP", () => {
  it("stays in the outbox with its error when the SMTP server is unreachable", async () => {
    // Its own database and app: every instance on a database delivers its outbox, and only this
    // one has an SMTP server configured.
    const isolated = await createIsolatedDatabase(adminUrl);
    const app = await startTestApp(isolated.url, { SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, OUTBOX_RETRY_BASE_MS: "60000" });
    const client = new pg.Client({ connectionString: isolated.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(`INSERT INTO workspaces (name, alert_emails) VALUES ('SMTP Co', ARRAY['ops@example.test']) RETURNING id`);
      await client.query(`INSERT INTO outbox (workspace_id, channel, recipient, subject, body) VALUES ($1, 'email', 'ops@example.test', 'Low balance', 'Body')`, [rows[0]?.id]);
      const row = await eventually(async () => {
        const result = await client.query<{ status: string; attempts: number; last_error: string | null }>(`SELECT status, attempts, last_error FROM outbox`);
        return result.rows[0]?.last_error ? result.rows[0] : null;
      });
      expect(row.status).toBe("pending");
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/ECONNREFUSED/);
    } finally {
      await client.end();
      await app.stop();
      await isolated.drop();
    }
  });
});
