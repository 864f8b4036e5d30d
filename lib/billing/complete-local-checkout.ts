import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { stripeClient } from "@/lib/billing/stripe-client";
import { deliverLocalStripeEvent } from "@/lib/billing/local-stripe-event";

/**
 * Confirms a local test checkout by sending the webhook Stripe would send for a paid Checkout
 * Session. Confirming twice is harmless: the second event finds the purchase paid.
 */
export async function completeLocalCheckout(workspaceId: string, sessionId: string): Promise<void> {
  if (stripeClient()) throw new AppError({ code: "forbidden", message: "Payments go through Stripe here; the local checkout is off." });
  const purchase = await db().packPurchase.findFirst({
    where: { checkoutSessionId: sessionId, workspaceId },
    select: { packId: true, amountCents: true, currency: true, status: true },
  });
  if (!purchase) throw notFound("Checkout");
  if (purchase.status !== "pending") return;
  await deliverLocalStripeEvent("checkout.session.completed", {
    id: sessionId,
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    client_reference_id: workspaceId,
    metadata: { workspaceId, packId: purchase.packId },
    amount_total: purchase.amountCents,
    currency: purchase.currency,
    payment_intent: `pi_local_${randomBytes(12).toString("hex")}`,
    created: Math.floor(Date.now() / 1000),
  });
}
