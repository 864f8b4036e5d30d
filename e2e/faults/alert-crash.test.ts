import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { signWebhookBody } from "@/lib/alerts/send-outbox-message";
import { ApiClient } from "../support/api-client";
import { PASSWORD, uniqueEmail } from "../support/fixtures";
import { operatorCli } from "../support/operator-cli";
import { generateSessions } from "../support/sessions";
import { createIsolatedDatabase, startTestApp, type TestApp } from "../support/test-environment";
import { eventually, WebhookReceiver } from "../support/webhook-receiver";

// Each scenario has a database of its own: only the instances started here deliver its outbox.
const adminUrl = inject("adminDatabaseUrl");
const SECRET = "alert-webhook-secret";
const receiver = new WebhookReceiver();
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => receiver.start());
afterAll(() => receiver.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  receiver.hold = false;
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A database whose one workspace alerts by e-mail and webhook at 80 % and 100 % of its 50 conversations. */
async function alertingWorkspace() {
  const database = await createIsolatedDatabase(adminUrl);
  cleanups.push(database.drop);
  const workspace = await operatorCli<{ workspaceId: string; apiKey: string }>(["create-workspace", "--name", "Crashy", "--email", uniqueEmail(), "--password", PASSWORD], database.url);
  await query(database.url, `UPDATE workspaces SET alert_emails = ARRAY['ops@example.test'], alert_webhook_url = $2, alert_webhook_secret = $3 WHERE id = $1`, [
    workspace.workspaceId,
    receiver.url,
    SECRET,
  ]);
  return { ...workspace, url: database.url };
}

async function app(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const started = await startTestApp(databaseUrl, env);
  cleanups.push(started.stop);
  return started;
}

/** 40 conversations of 50: crosses 80 %, committed with its alert rows in the same transaction. */
async function crossEightyPercent(appUrl: string, apiKey: string) {
  const { status, body } = await new ApiClient(appUrl, apiKey).postEvents(generateSessions(40));
  expect(status).toBe(200);
  expect(body.balance).toEqual({ remaining: 10, overage: 0 });
}

async function deliveries(databaseUrl: string) {
  return query<{ channel: string; status: string }>(databaseUrl, `SELECT channel::text, status::text FROM outbox ORDER BY channel`);
}

const hooksFor = (workspaceId: string, list = receiver.received) => list.filter((hook) => JSON.parse(hook.body).workspaceId === workspaceId);

describe("alerts across a crash between the charge and the send", () => {
  it("are sent exactly once per channel by a restarted instance when the first died before sending", async () => {
    const workspace = await alertingWorkspace();
    // Instance A never gets round to its outbox before it dies.
    const doomed = await app(workspace.url, { OUTBOX_POLL_MS: "3600000" });
    await crossEightyPercent(doomed.url, workspace.apiKey);
    expect(await deliveries(workspace.url)).toEqual([
      { channel: "email", status: "pending" },
      { channel: "webhook", status: "pending" },
    ]);
    doomed.crash();

    await app(workspace.url);
    await eventually(async () => (await deliveries(workspace.url)).every((row) => row.status !== "pending"));
    expect(await deliveries(workspace.url)).toEqual([
      { channel: "email", status: "stored" },
      { channel: "webhook", status: "sent" },
    ]);
    const [hook] = hooksFor(workspace.workspaceId);
    expect(hook?.signature).toBe(signWebhookBody(hook?.body ?? "", SECRET));
    expect(JSON.parse(hook?.body ?? "{}")).toMatchObject({ type: "alert.threshold_crossed", threshold: 80, id: expect.any(String) });
    const [notifications] = await query<{ count: number }>(workspace.url, `SELECT count(*)::int AS count FROM notifications`);
    expect(notifications?.count).toBe(1);
    // Nothing more arrives later: once per channel.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(hooksFor(workspace.workspaceId)).toHaveLength(1);
  });

  it("are sent again after the claim's lease when the instance died mid-send, with the same id for the receiver to dedupe", async () => {
    const workspace = await alertingWorkspace();
    receiver.hold = true;
    const doomed = await app(workspace.url);
    await crossEightyPercent(doomed.url, workspace.apiKey);
    // Instance A is posting the webhook, the receiver has not answered yet: kill it there.
    await eventually(async () => hooksFor(workspace.workspaceId).length === 1);
    doomed.crash();
    receiver.hold = false;

    await app(workspace.url);
    const rows = await eventually(async () => {
      const found = await query<{ status: string; attempts: number }>(workspace.url, `SELECT status::text, attempts FROM outbox WHERE channel = 'webhook'`);
      return found[0]?.status === "sent" ? found : null;
    }, 90_000);
    expect(rows).toEqual([{ status: "sent", attempts: 2 }]);
    const received = hooksFor(workspace.workspaceId);
    expect(received).toHaveLength(2);
    expect(received[1]?.body).toBe(received[0]?.body);
    expect(hooksFor(workspace.workspaceId, receiver.acknowledged)).toHaveLength(1);
    expect(new Set(received.map((hook) => JSON.parse(hook.body).id)).size).toBe(1);
  });
});
