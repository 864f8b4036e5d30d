import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PACKS, type PackId } from "@/lib/credits/packs";
import { packLabel, packPrice } from "@/lib/billing/catalogue";
import { stripeClient } from "@/lib/billing/stripe-client";

/**
 * Starts buying a pack: a Stripe Checkout Session in `payment` mode (or, without Stripe, a local
 * test checkout) plus a pending purchase row. Credits arrive only through the signed webhook.
 */
export async function createPackCheckout(input: { workspaceId: string; userId: string; packId: PackId; baseUrl: string }): Promise<{ url: string }> {
  const pack = PACKS[input.packId];
  const price = packPrice(input.packId);
  const stripe = stripeClient();
  let sessionId: string;
  let url: string;
  if (stripe) {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      client_reference_id: input.workspaceId,
      metadata: { workspaceId: input.workspaceId, packId: input.packId },
      payment_intent_data: { metadata: { workspaceId: input.workspaceId, packId: input.packId } },
      line_items: [
        price.stripePriceId
          ? { price: price.stripePriceId, quantity: 1 }
          : { quantity: 1, price_data: { currency: price.currency, unit_amount: price.amountCents, product_data: { name: `Convometer ${packLabel(input.packId)}` } } },
      ],
      success_url: `${input.baseUrl}/dashboard/billing?purchase=success`,
      cancel_url: `${input.baseUrl}/dashboard/billing?purchase=cancelled`,
    });
    if (!session.url) throw new AppError({ code: "unavailable", message: "Stripe did not return a checkout page; try again." });
    sessionId = session.id;
    url = session.url;
  } else {
    sessionId = `cs_local_${randomBytes(18).toString("base64url")}`;
    url = `/dashboard/billing/checkout/${sessionId}`;
  }
  await db().packPurchase.create({
    data: {
      workspaceId: input.workspaceId,
      packId: input.packId,
      conversations: pack.conversations,
      amountCents: price.amountCents,
      currency: price.currency,
      checkoutSessionId: sessionId,
      createdByUserId: input.userId,
    },
  });
  return { url };
}
