import { randomBytes } from "node:crypto";
import Stripe from "stripe";

const webhooks = new Stripe("sk_test_signing_only").webhooks;

/** A Stripe-format event, signed with the SDK's own test-header helper. */
export function signedEvent(secret: string, type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}) {
  const payload = JSON.stringify({
    id: options.id ?? `evt_${randomBytes(10).toString("hex")}`,
    object: "event",
    api_version: "2025-10-29",
    created: options.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
  return { payload, signature: webhooks.generateTestHeaderString({ payload, secret }) };
}

export async function deliver(appUrl: string, event: { payload: string; signature: string }) {
  const response = await fetch(`${appUrl}/api/stripe/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": event.signature },
    body: event.payload,
  });
  return { status: response.status, body: (await response.json()) as { received?: boolean; duplicate?: boolean; outcome?: string; error?: { code: string } } };
}

export function paidSession(sessionId: string, workspaceId: string, packId: string, extra: Record<string, unknown> = {}) {
  return {
    id: sessionId,
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    client_reference_id: workspaceId,
    metadata: { workspaceId, packId },
    amount_total: 3900,
    currency: "eur",
    payment_intent: `pi_${sessionId}`,
    ...extra,
  };
}
