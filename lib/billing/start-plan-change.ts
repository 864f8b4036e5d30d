import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PLANS, type PlanId } from "@/lib/credits/plans";
import { planPrice } from "@/lib/billing/catalogue";
import { stripeClient } from "@/lib/billing/stripe-client";
import { deliverLocalStripeEvent } from "@/lib/billing/local-stripe-event";

const MONTH_SECONDS = 30 * 24 * 60 * 60;

/**
 * Changes the plan the way the payment provider wants it: a Checkout Session in `subscription` mode
 * for a first paid plan, the customer portal once subscribed (upgrades, downgrades, cancel), or,
 * without Stripe, the subscription webhook Stripe would send. Returns where to send the browser.
 */
export async function startPlanChange(input: { workspaceId: string; planId: PlanId; baseUrl: string }): Promise<{ url: string | null }> {
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { id: input.workspaceId },
    select: { plan: true, stripeCustomerId: true, subscriptionId: true, subscriptionStart: true, subscriptionEnd: true },
  });
  if (workspace.plan === input.planId) throw new AppError({ code: "conflict", message: `You are already on the ${PLANS[input.planId].name} plan.` });
  const stripe = stripeClient();
  const returnUrl = `${input.baseUrl}/dashboard/billing`;

  if (stripe && workspace.stripeCustomerId && workspace.subscriptionId) {
    const portal = await stripe.billingPortal.sessions.create({ customer: workspace.stripeCustomerId, return_url: returnUrl });
    return { url: portal.url };
  }
  if (stripe) {
    const price = planPrice(input.planId).stripePriceId;
    if (!price) throw new AppError({ code: "unavailable", message: `No Stripe price is configured for the ${PLANS[input.planId].name} plan.` });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      client_reference_id: input.workspaceId,
      metadata: { workspaceId: input.workspaceId, planId: input.planId },
      subscription_data: { metadata: { workspaceId: input.workspaceId, planId: input.planId } },
      line_items: [{ price, quantity: 1 }],
      success_url: `${returnUrl}?plan=success`,
      cancel_url: `${returnUrl}?plan=cancelled`,
    });
    return { url: session.url };
  }

  const now = Math.floor(Date.now() / 1000);
  const start = workspace.subscriptionStart && workspace.subscriptionEnd && workspace.subscriptionEnd.getTime() > Date.now() ? Math.floor(workspace.subscriptionStart.getTime() / 1000) : now;
  const end = workspace.subscriptionEnd && workspace.subscriptionEnd.getTime() > Date.now() ? Math.floor(workspace.subscriptionEnd.getTime() / 1000) : now + MONTH_SECONDS;
  const cancelling = input.planId === "free";
  await deliverLocalStripeEvent(cancelling ? "customer.subscription.deleted" : "customer.subscription.updated", {
    id: workspace.subscriptionId ?? `sub_local_${input.workspaceId.replaceAll("-", "")}`,
    object: "subscription",
    customer: workspace.stripeCustomerId ?? `cus_local_${input.workspaceId.replaceAll("-", "")}`,
    status: cancelling ? "canceled" : "active",
    metadata: { workspaceId: input.workspaceId, planId: input.planId },
    items: { object: "list", data: [{ id: "si_local", price: { id: `price_local_${input.planId}` }, current_period_start: start, current_period_end: end }] },
  });
  return { url: null };
}
