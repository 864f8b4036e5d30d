import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { checkLedger, queryOne } from "../support/invariants";
import { StripeDouble } from "../support/stripe-double";
import { deliver, paidSession, signedEvent } from "../support/stripe-events";
import { startTestApp, type TestApp } from "../support/test-environment";

const databaseUrl = inject("databaseUrl");
const SECRET = "whsec_convometer_test_secret";
const double = new StripeDouble();
let app: TestApp;

beforeAll(async () => {
  await double.start();
  // The real SDK in the test process talks to the double too (createPackCheckout below).
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_convometer", STRIPE_API_BASE: double.url, STRIPE_WEBHOOK_SECRET: SECRET });
  app = await startTestApp(databaseUrl, { STRIPE_SECRET_KEY: "sk_test_convometer", STRIPE_API_BASE: double.url, STRIPE_WEBHOOK_SECRET: SECRET });
});
afterAll(async () => {
  await app.stop();
  await double.stop();
});

async function packState(workspaceId: string) {
  return queryOne<{ packs: number; granted: number; used: number; purchases: string }>(
    databaseUrl,
    `SELECT count(*)::int AS packs, coalesce(sum(granted), 0)::int AS granted, coalesce(sum(used), 0)::int AS used,
            (SELECT string_agg(status::text, ',') FROM pack_purchases WHERE workspace_id = $1) AS purchases
       FROM credit_packs WHERE workspace_id = $1`,
    [workspaceId],
  );
}

async function expectInvariants(workspaceId: string) {
  const check = await checkLedger(databaseUrl, workspaceId);
  expect(check.ledgerSum).toBe(check.balanceFromBuckets);
  expect(check.debits).toBe(check.billableConversations);
}

async function checkoutFor(workspaceId: string, userId: string, packId: "pack-100" | "pack-500" = "pack-500") {
  const { createPackCheckout } = await import("@/lib/billing/create-pack-checkout");
  const { url } = await createPackCheckout({ workspaceId, userId, packId, baseUrl: "http://localhost:3000" });
  const request = double.requests.at(-1);
  return { url, sessionId: /cs_test_[0-9a-f]+/.exec(url)?.[0] ?? "", request };
}

describe("buying a pack through Stripe Checkout", () => {
  it("creates a payment-mode Checkout Session for the workspace with the real SDK", async () => {
    const workspace = await createTestWorkspace();
    const { url, request } = await checkoutFor(workspace.workspaceId, workspace.userId);
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\/cs_test_/);
    expect(request?.authorization).toBe("Bearer sk_test_convometer");
    expect(request?.form).toMatchObject({
      mode: "payment",
      client_reference_id: workspace.workspaceId,
      "metadata[workspaceId]": workspace.workspaceId,
      "metadata[packId]": "pack-500",
      "line_items[0][price_data][unit_amount]": "3900",
      "line_items[0][price_data][currency]": "eur",
    });
  });

  it("grants once for replayed and concurrent deliveries of the same event", async () => {
    const workspace = await createTestWorkspace();
    const { sessionId } = await checkoutFor(workspace.workspaceId, workspace.userId);
    const event = signedEvent(SECRET, "checkout.session.completed", paidSession(sessionId, workspace.workspaceId, "pack-500"));
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(app.url, event)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(responses.filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect((await deliver(app.url, event)).body.duplicate).toBe(true);
    expect(await packState(workspace.workspaceId)).toEqual({ packs: 1, granted: 500, used: 0, purchases: "paid" });
    await expectInvariants(workspace.workspaceId);
  });

  it("grants once when different events for one session race (completed and async payment succeeded)", async () => {
    const workspace = await createTestWorkspace();
    const { sessionId } = await checkoutFor(workspace.workspaceId, workspace.userId);
    const session = paidSession(sessionId, workspace.workspaceId, "pack-500");
    const events = [
      signedEvent(SECRET, "checkout.session.completed", session),
      signedEvent(SECRET, "checkout.session.async_payment_succeeded", session),
      signedEvent(SECRET, "checkout.session.completed", session),
    ];
    const responses = await Promise.all(events.map((event) => deliver(app.url, event)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(await packState(workspace.workspaceId)).toMatchObject({ packs: 1, granted: 500 });
  });

  it("waits for the payment of a delayed method before granting", async () => {
    const workspace = await createTestWorkspace();
    const { sessionId } = await checkoutFor(workspace.workspaceId, workspace.userId);
    const unpaid = await deliver(app.url, signedEvent(SECRET, "checkout.session.completed", paidSession(sessionId, workspace.workspaceId, "pack-500", { payment_status: "unpaid" })));
    expect(unpaid.body.outcome).toContain("awaiting payment");
    expect(await packState(workspace.workspaceId)).toMatchObject({ packs: 0, purchases: "pending" });
    await deliver(app.url, signedEvent(SECRET, "checkout.session.async_payment_succeeded", paidSession(sessionId, workspace.workspaceId, "pack-500")));
    expect(await packState(workspace.workspaceId)).toMatchObject({ packs: 1, granted: 500, purchases: "paid" });
  });

  it("refuses a bad signature with 400 and acknowledges event types it does not handle", async () => {
    const event = signedEvent("whsec_wrong", "checkout.session.completed", {});
    expect((await deliver(app.url, event)).status).toBe(400);
    const ignored = await deliver(app.url, signedEvent(SECRET, "customer.created", { id: "cus_1", object: "customer" }));
    expect(ignored).toMatchObject({ status: 200, body: { outcome: "ignored customer.created" } });
  });
});

describe("refunds", () => {
  it("take back only what is unused, and a refund arriving before its purchase is retried until it applies", async () => {
    const workspace = await createTestWorkspace();
    const api = new ApiClient(app.url, workspace.apiKey);
    const { sessionId } = await checkoutFor(workspace.workspaceId, workspace.userId, "pack-100");
    const refund = signedEvent(SECRET, "charge.refunded", {
      id: "ch_1",
      object: "charge",
      amount: 900,
      amount_refunded: 900,
      refunded: true,
      currency: "eur",
      payment_intent: `pi_${sessionId}`,
    });
    const early = await deliver(app.url, refund);
    expect(early.status).toBe(409);

    await deliver(app.url, signedEvent(SECRET, "checkout.session.completed", paidSession(sessionId, workspace.workspaceId, "pack-100", { amount_total: 900 })));
    const events = Array.from({ length: 80 }, (_, i) => [
      { id: `q${i}`, endUserId: `u${i}`, role: "user" },
      { id: `a${i}`, endUserId: `u${i}`, role: "assistant" },
    ]).flat();
    expect((await api.postEvents(events)).body.balance).toEqual({ remaining: 70, overage: 0 });

    const retried = await deliver(app.url, refund);
    expect(retried.body.outcome).toBe("refund: took back 70 unused conversations");
    expect(await packState(workspace.workspaceId)).toEqual({ packs: 1, granted: 30, used: 30, purchases: "refunded" });
    const usage = await api.request<{ remaining: { total: number } }>("/api/v1/usage");
    expect(usage.body.remaining.total).toBe(0);
    await expectInvariants(workspace.workspaceId);
  });
});

describe("subscriptions", () => {
  const subscription = (workspaceId: string, price: string, status = "active", period = { start: Math.floor(Date.now() / 1000) - 3600, end: Math.floor(Date.now() / 1000) + 29 * 86400 }) => ({
    id: `sub_${workspaceId.slice(0, 8)}`,
    object: "subscription",
    customer: `cus_${workspaceId.slice(0, 8)}`,
    status,
    metadata: { workspaceId },
    items: { object: "list", data: [{ id: "si_1", price: { id: price }, current_period_start: period.start, current_period_end: period.end }] },
  });

  it("keep the plan and period in step, keep packs across plan changes, and ignore stale events", async () => {
    const workspace = await createTestWorkspace();
    const api = new ApiClient(app.url, workspace.apiKey);
    const { sessionId } = await checkoutFor(workspace.workspaceId, workspace.userId, "pack-100");
    await deliver(app.url, signedEvent(SECRET, "checkout.session.completed", paidSession(sessionId, workspace.workspaceId, "pack-100")));
    const now = Math.floor(Date.now() / 1000);

    const upgraded = await deliver(app.url, signedEvent(SECRET, "customer.subscription.created", subscription(workspace.workspaceId, "price_local_pro"), { created: now }));
    expect(upgraded.body.outcome).toBe("plan free → pro");
    const stale = await deliver(app.url, signedEvent(SECRET, "customer.subscription.updated", subscription(workspace.workspaceId, "price_local_starter"), { created: now - 60 }));
    expect(stale.body.outcome).toContain("ignored");
    let usage = await api.request<{ plan: { id: string; included: number }; remaining: { packs: number; plan: number } }>("/api/v1/usage");
    expect(usage.body).toMatchObject({ plan: { id: "pro", included: 2000 }, remaining: { packs: 100, plan: 2000 } });

    const cancelled = await deliver(app.url, signedEvent(SECRET, "customer.subscription.deleted", subscription(workspace.workspaceId, "price_local_pro", "canceled"), { created: now + 1 }));
    expect(cancelled.body.outcome).toBe("plan pro → free");
    usage = await api.request("/api/v1/usage");
    expect(usage.body).toMatchObject({ plan: { id: "free", included: 50 }, remaining: { packs: 100 } });
    await expectInvariants(workspace.workspaceId);
  });

  it("re-read the subscription from Stripe on invoice.paid", async () => {
    const workspace = await createTestWorkspace();
    const sub = subscription(workspace.workspaceId, "price_local_business");
    double.subscriptions.set(sub.id, sub);
    const paid = await deliver(app.url, signedEvent(SECRET, "invoice.paid", { id: "in_1", object: "invoice", parent: { subscription_details: { subscription: sub.id } } }));
    expect(paid.body.outcome).toBe("plan free → business");
    expect(double.requests.at(-1)).toMatchObject({ method: "GET", path: `/v1/subscriptions/${sub.id}` });
  });
});
