import type Stripe from "stripe";
import type { Queryable } from "@/lib/database/with-transaction";
import { stripeClient } from "@/lib/billing/stripe-client";
import { handleSubscriptionChanged } from "./subscription-changed";

/** A renewal: re-read the subscription from Stripe (never trust event order) and apply its period. */
export async function handleInvoicePaid(client: Queryable, invoice: Stripe.Invoice, eventCreated: number): Promise<string> {
  const reference = invoice.parent?.subscription_details?.subscription;
  const subscriptionId = typeof reference === "string" ? reference : reference?.id;
  if (!subscriptionId) return "ignored: not a subscription invoice";
  const stripe = stripeClient();
  if (!stripe) return "ignored: Stripe is not configured";
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  return handleSubscriptionChanged(client, subscription, { deleted: subscription.status === "canceled", eventCreated });
}
