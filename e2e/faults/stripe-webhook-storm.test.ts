import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { webhookSecret } from "@/lib/billing/webhook-secret";
import { ApiClient } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { checkLedger, queryOne } from "../support/invariants";
import { random, shuffle } from "../support/metering-streams";
import { sleep, until } from "../support/retrying-client";
import { paidSession, signedEvent } from "../support/stripe-events";
import { startTestApp } from "../support/test-environment";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");
const PACKS = { "pack-100": { size: 100, cents: 900 }, "pack-500": { size: 500, cents: 3_900 } } as const;

interface Delivery {
  event: { payload: string; signature: string };
  attempts: number;
}

/** Delivers like Stripe: anything but a 2xx, or no answer, is delivered again later. */
async function deliverUntilAcknowledged(queue: Delivery[], instances: () => string[], problems: string[]) {
  let turn = 0;
  for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
    const targets = instances();
    const url = targets[turn++ % targets.length];
    delivery.attempts += 1;
    const status = await fetch(`${url}/api/stripe/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": delivery.event.signature },
      body: delivery.event.payload,
      signal: AbortSignal.timeout(20_000),
    }).then(
      async (response) => {
        await response.body?.cancel();
        return response.status;
      },
      () => 0,
    );
    if (status >= 200 && status < 300) continue;
    // A refund before its purchase is refused with 409 so that it comes back; a 500 never should.
    if (status !== 0 && status !== 409) problems.push(`${url} answered ${status}`);
    if (delivery.attempts >= 40) throw new Error("A webhook was never acknowledged.");
    queue.push(delivery);
    await sleep(20);
  }
}

describe("Stripe webhooks duplicated, replayed, out of order and concurrent, across an instance crash", () => {
  it("grant each purchase exactly once, and refunds take back exactly what they should", async () => {
    const doomed = await startTestApp(databaseUrl);
    try {
      // The local checkout's secret, kept in the database, is what both instances verify with.
      const secret = await webhookSecret();
      const workspaces = await Promise.all(Array.from({ length: 3 }, () => createTestWorkspace()));
      const purchases = workspaces.flatMap((workspace, w) =>
        Array.from({ length: 6 }, (_, p) => {
          const packId = (p + w) % 2 ? "pack-500" : "pack-100";
          return { workspace, packId, sessionId: `cs_test_storm_${randomBytes(6).toString("hex")}`, refunded: p % 3 === 0 } as const;
        }),
      );

      const deliveries: Delivery[] = purchases.flatMap(({ workspace, packId, sessionId, refunded }) => {
        const pack = PACKS[packId];
        const session = paidSession(sessionId, workspace.workspaceId, packId, { amount_total: pack.cents });
        const created = Math.floor(Date.now() / 1000);
        const events = [
          // Sent first by Stripe, arriving in any order here: "completed, unpaid" must never undo a payment.
          signedEvent(secret, "checkout.session.completed", { ...session, payment_status: "unpaid" }, { created: created - 60 }),
          ...Array(3).fill(signedEvent(secret, "checkout.session.completed", session, { created })),
          ...Array(2).fill(signedEvent(secret, "checkout.session.async_payment_succeeded", session, { created: created + 1 })),
        ];
        if (refunded) {
          const charge = { id: `ch_${sessionId}`, object: "charge", amount: pack.cents, amount_refunded: pack.cents, refunded: true, currency: "eur", payment_intent: `pi_${sessionId}` };
          events.push(...Array(2).fill(signedEvent(secret, "charge.refunded", charge, { created: created + 2 })));
        }
        return events.map((event) => ({ event, attempts: 0 }));
      });

      const queue = shuffle(deliveries, random(Date.now()));
      const total = queue.length;
      let alive = true;
      const instances = () => (alive ? [doomed.url, appUrl] : [appUrl]);
      const problems: string[] = [];
      const senders = Array.from({ length: 8 }, () => deliverUntilAcknowledged(queue, instances, problems));
      await until(() => queue.length <= (total * 2) / 3);
      doomed.crash();
      alive = false;
      // A sender stops only when the queue is empty; whoever puts a delivery back keeps going.
      await Promise.all(senders);
      expect(problems).toEqual([]);

      for (const { packId, sessionId, refunded } of purchases) {
        const state = await queryOne<Record<string, unknown>>(
          databaseUrl,
          `SELECT count(*)::int AS purchases, min(p.status::text) AS status, sum(p.reclaimed)::int AS reclaimed, sum(c.granted)::int AS "packLeft",
                  (SELECT count(*)::int FROM ledger_entries l JOIN credit_packs k ON k.id = l.credit_pack_id JOIN pack_purchases q ON q.id = k.purchase_id
                    WHERE q.checkout_session_id = $1 AND l.kind = 'pack_purchase') AS grants
             FROM pack_purchases p LEFT JOIN credit_packs c ON c.purchase_id = p.id WHERE p.checkout_session_id = $1`,
          [sessionId],
        );
        const size = PACKS[packId].size;
        expect({ sessionId, ...state }).toEqual({
          sessionId,
          purchases: 1,
          grants: 1,
          status: refunded ? "refunded" : "paid",
          reclaimed: refunded ? size : 0,
          packLeft: refunded ? 0 : size,
        });
      }
      for (const workspace of workspaces) {
        const ledger = await checkLedger(databaseUrl, workspace.workspaceId);
        expect(ledger.ledgerSum).toBe(ledger.balanceFromBuckets);
        const kept = purchases.filter((p) => p.workspace === workspace && !p.refunded).reduce((sum, p) => sum + PACKS[p.packId].size, 0);
        const usage = await new ApiClient(appUrl, workspace.apiKey).request<{ remaining: { packs: number } }>("/api/v1/usage");
        expect(usage.body.remaining.packs).toBe(kept);
      }
    } finally {
      await doomed.stop();
    }
  });
});
