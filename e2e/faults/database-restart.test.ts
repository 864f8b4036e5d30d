import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession } from "../support/http-session";
import { ingestTotals } from "../support/ingest-totals";
import { operatorCli } from "../support/operator-cli";
import { FaultLog, RetryingClient, sleep, until } from "../support/retrying-client";
import { generateSessions, inBatches } from "../support/sessions";
import { deliver, paidSession, signedEvent } from "../support/stripe-events";
import { startRestartableDatabase, startTestApp, type RestartableDatabase, type TestApp } from "../support/test-environment";

// PostgreSQL of its own, stopped and started again under the app while clients ingest.
const SECRET = "whsec_convometer_fault_secret";
const PASSWORD = "correct horse battery";
let database: RestartableDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await startRestartableDatabase();
  app = await startTestApp(database.url, { STRIPE_WEBHOOK_SECRET: SECRET });
});
afterAll(async () => {
  await app?.stop();
  await database?.stop();
});

/** A request that must answer quickly, whatever the answer. */
async function timed<T>(label: string, request: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} got no answer within 15 s`)), 15_000);
  });
  try {
    return await Promise.race([request(), hung]);
  } finally {
    clearTimeout(timer);
  }
}

async function expectUnavailable(label: string, response: Response) {
  expect({ label, status: response.status, retryAfter: Number(response.headers.get("retry-after")) > 0, body: await response.json() }).toEqual({
    label,
    status: 503,
    retryAfter: true,
    body: { error: { code: "unavailable", message: expect.any(String) } },
  });
}

describe("PostgreSQL restarting during ingestion", () => {
  it("answers 503 with Retry-After on every path meanwhile, recovers without an app restart, and the clients' retries land exactly once", async () => {
    const email = "restart@example.test";
    const workspace = await operatorCli<{ workspaceId: string; apiKey: string }>(["create-workspace", "--name", "Restart", "--email", email, "--password", PASSWORD], database.url);
    const session = new HttpSession(app.url);
    expect(await session.signIn(email, PASSWORD)).toBeNull();
    const auth = { authorization: `Bearer ${workspace.apiKey}` };
    const appPid = app.process.pid;

    // Four clients, each sending its own end users' events in order, batch after batch.
    const log = new FaultLog();
    const perClient = Array.from({ length: 4 }, (_, client) => inBatches(generateSessions(60, { prefix: `client${client}` }), 12));
    const expectedEvents = perClient.flat(2).length;
    let acknowledged = 0;
    const ingestion = perClient.map(async (batches) => {
      const client = new RetryingClient([app.url], workspace.apiKey, log);
      for (const batch of batches) {
        await client.send(batch);
        acknowledged += 1;
        await sleep(40);
      }
    });

    // Settled at the end; a client failing early must not go unnoticed as an unhandled rejection.
    const clients = Promise.allSettled(ingestion);
    const total = perClient.flat().length;
    await until(() => acknowledged >= total / 3);
    await database.stopServer();
    const stoppedAt = Date.now();

    // While PostgreSQL is down, every path fails fast and cleanly.
    await expectUnavailable("health", await timed("health", () => fetch(`${app.url}/api/health`)));
    await expectUnavailable("conversations", await timed("conversations", () => fetch(`${app.url}/api/v1/conversations`, { headers: auth })));
    await expectUnavailable("usage", await timed("usage", () => fetch(`${app.url}/api/v1/usage`, { headers: auth })));
    const purchase = signedEvent(SECRET, "checkout.session.completed", paidSession("cs_test_restart", workspace.workspaceId, "pack-100", { amount_total: 900 }));
    const webhook = await timed("stripe webhook", () => fetch(`${app.url}/api/stripe/webhook`, { method: "POST", headers: { "stripe-signature": purchase.signature }, body: purchase.payload }));
    await expectUnavailable("stripe webhook", webhook);
    const page = await timed("dashboard", () => session.fetch("/dashboard"));
    expect({ status: page.status >= 500, html: page.headers.get("content-type") }).toEqual({ status: true, html: expect.stringContaining("text/html") });
    await page.body?.cancel();
    expect(await timed("sign-in", () => new HttpSession(app.url).signIn(email, PASSWORD))).toBe("unavailable");

    await sleep(Math.max(0, 3_000 - (Date.now() - stoppedAt)));
    await database.startServer();
    expect((await clients).filter((client) => client.status === "rejected")).toEqual([]);

    console.log("Client answers during the restart:", Object.fromEntries(log.statuses));
    expect(log.problems).toEqual([]);
    expect(log.statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...log.statuses.keys()].sort()).toEqual([200, 503]);
    expect(await ingestTotals(database.url, workspace.workspaceId)).toEqual({
      conversations: 240,
      billable: 240,
      events: expectedEvents,
      debits: 240,
      ledgerSumEqualsBalance: true,
      rollupMismatches: [],
    });

    // The same process serves again: health, the dashboard, and Stripe's retry of the webhook.
    expect(app.process.exitCode).toBeNull();
    expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection/);
    expect(app.process.pid).toBe(appPid);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect((await session.fetch("/dashboard")).status).toBe(200);
    expect(await deliver(app.url, purchase)).toMatchObject({ status: 200, body: { duplicate: false, outcome: expect.stringContaining("granted 100 conversations") } });
    expect(await deliver(app.url, purchase)).toMatchObject({ status: 200, body: { duplicate: true } });
  });
});
