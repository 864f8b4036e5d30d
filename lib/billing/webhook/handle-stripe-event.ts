import type Stripe from "stripe";
import { withTransaction, type Queryable } from "@/lib/database/with-transaction";
import { handleCheckoutCompleted } from "./checkout-completed";
import { handleChargeRefunded } from "./charge-refunded";
import { handleInvoicePaid } from "./invoice-paid";
import { handleSubscriptionChanged } from "./subscription-changed";

export type HandlerOutcome = string;

/**
 * Processes one verified Stripe event exactly once: its id is claimed in the same transaction as its
 * effects, so a redelivery (even concurrent: it waits on the claim) finds it done and changes nothing,
 * and a failure rolls the claim back for Stripe's retry.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<{ duplicate: boolean; outcome: HandlerOutcome }> {
  return withTransaction(async (client) => {
    const claimed = await client.query(`INSERT INTO stripe_events (id, type, outcome) VALUES ($1, $2, 'processing') ON CONFLICT (id) DO NOTHING`, [
      event.id,
      event.type,
    ]);
    if (claimed.rowCount === 0) return { duplicate: true, outcome: "already processed" };
    const outcome = await dispatch(client, event);
    await client.query(`UPDATE stripe_events SET outcome = $2 WHERE id = $1`, [event.id, outcome]);
    return { duplicate: false, outcome };
  });
}

async function dispatch(client: Queryable, event: Stripe.Event): Promise<HandlerOutcome> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return handleCheckoutCompleted(client, event.data.object);
    case "charge.refunded":
      return handleChargeRefunded(client, event.data.object);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return handleSubscriptionChanged(client, event.data.object, { deleted: event.type === "customer.subscription.deleted", eventCreated: event.created });
    case "invoice.paid":
      return handleInvoicePaid(client, event.data.object, event.created);
    default:
      // Acknowledged, not processed: a 4xx would make Stripe retry an event we will never handle.
      return `ignored ${event.type}`;
  }
}
