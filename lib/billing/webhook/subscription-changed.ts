import type Stripe from "stripe";
import type { Queryable } from "@/lib/database/with-transaction";
import { changePlan } from "@/lib/credits/change-plan";
import { isPlanId, type PlanId } from "@/lib/credits/plans";
import { planForStripePrice } from "@/lib/billing/catalogue";

const ACTIVE = new Set(["active", "trialing", "past_due"]);

/**
 * Keeps the workspace's plan and billing period in step with its Stripe subscription. Events can
 * arrive out of order, so one older than the last applied is ignored; a deleted or inactive
 * subscription falls back to the free plan. Packs are never touched.
 */
export async function handleSubscriptionChanged(
  client: Queryable,
  subscription: Stripe.Subscription,
  options: { deleted: boolean; eventCreated: number },
): Promise<string> {
  const customerId = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const { rows } = await client.query<{ id: string; plan: string; newer: boolean }>(
    `SELECT id, plan, coalesce(subscription_event_at > to_timestamp($4), false) AS newer FROM workspaces
      WHERE id = $1 OR subscription_id = $2 OR stripe_customer_id = $3
      ORDER BY (id = $1) DESC LIMIT 1 FOR NO KEY UPDATE`,
    [uuidOrNull(subscription.metadata?.workspaceId), subscription.id, customerId, options.eventCreated],
  );
  const workspace = rows[0];
  if (!workspace) return "ignored: no workspace for this subscription";
  if (workspace.newer) return "ignored: a newer subscription event was already applied";

  const item = subscription.items?.data?.[0];
  const active = !options.deleted && ACTIVE.has(subscription.status);
  const plan: PlanId = active ? (planForStripePrice(item?.price?.id) ?? metadataPlan(subscription) ?? "free") : "free";
  const start = item?.current_period_start;
  const end = item?.current_period_end;

  await client.query(
    `UPDATE workspaces SET stripe_customer_id = $2, subscription_id = $3, subscription_status = $4,
            subscription_period_start = coalesce(to_timestamp($5), subscription_period_start),
            subscription_period_end = coalesce(to_timestamp($6), subscription_period_end),
            subscription_event_at = to_timestamp($7)
      WHERE id = $1`,
    [workspace.id, customerId, options.deleted ? null : subscription.id, subscription.status, start ?? null, end ?? null, options.eventCreated],
  );
  if (workspace.plan === plan) return `subscription ${subscription.status}, plan ${plan} unchanged`;
  const change = await changePlan(client, workspace.id, plan);
  return `plan ${change.previous} → ${plan}`;
}

function metadataPlan(subscription: Stripe.Subscription): PlanId | null {
  const planId = subscription.metadata?.planId;
  return planId && isPlanId(planId) ? planId : null;
}

function uuidOrNull(value: string | undefined): string | null {
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}
