// POST /api/stripe/webhook: Stripe events (and the local checkout's), verified, each processed once
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { stripeWebhooks } from "@/lib/billing/stripe-client";
import { webhookSecret } from "@/lib/billing/webhook-secret";
import { handleStripeEvent } from "@/lib/billing/webhook/handle-stripe-event";
import { assertStripeEventShape } from "@/lib/billing/webhook/stripe-event-shape";

const MAX_BODY_BYTES = 512_000;

export async function POST(request: Request) {
  try {
    const payload = await request.text();
    if (payload.length > MAX_BODY_BYTES) throw new AppError({ code: "payload_too_large", message: "Webhook body too large." });
    const secret = await webhookSecret();
    let event: Stripe.Event;
    try {
      event = stripeWebhooks.constructEvent(payload, request.headers.get("stripe-signature") ?? "", secret);
    } catch {
      throw new AppError({ code: "bad_request", message: "Invalid Stripe signature." });
    }
    assertStripeEventShape(event);
    const result = await handleStripeEvent(event);
    return Response.json({ received: true, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
