import { randomBytes } from "node:crypto";
import { requireEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stripeWebhooks } from "@/lib/billing/stripe-client";
import { webhookSecret } from "@/lib/billing/webhook-secret";

/**
 * Without Stripe, the local checkout ends exactly as a real one: a Stripe-format event, signed with
 * the webhook secret, POSTed to our own /api/stripe/webhook. Fulfilment has one path only.
 */
export async function deliverLocalStripeEvent(type: string, object: Record<string, unknown>): Promise<void> {
  const payload = JSON.stringify({
    id: `evt_local_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2025-10-29",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
  const signature = stripeWebhooks.generateTestHeaderString({ payload, secret: await webhookSecret() });
  const response = await fetch(new URL("/api/stripe/webhook", requireEnv("NEXTAUTH_URL")), {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
  if (!response.ok) {
    throw new AppError({ code: "unavailable", message: `The payment could not be recorded (${response.status}); nothing was charged. Try again.` });
  }
}
