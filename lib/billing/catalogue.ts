import { env } from "@/lib/env";
import { PACKS, type PackId } from "@/lib/credits/packs";
import { PLANS, type PlanId } from "@/lib/credits/plans";

export interface Price {
  amountCents: number;
  currency: string;
  /** The Stripe Price to charge, when configured; otherwise Checkout gets the amount inline. */
  stripePriceId: string | undefined;
}

/** What a pack costs, from the environment (defaults €9, €39, €129). */
export function packPrice(packId: PackId): Price {
  const e = env();
  const byPack = {
    "pack-100": { amountCents: e.PACK_100_PRICE_CENTS, stripePriceId: e.STRIPE_PRICE_PACK_100 },
    "pack-500": { amountCents: e.PACK_500_PRICE_CENTS, stripePriceId: e.STRIPE_PRICE_PACK_500 },
    "pack-2000": { amountCents: e.PACK_2000_PRICE_CENTS, stripePriceId: e.STRIPE_PRICE_PACK_2000 },
  } satisfies Record<PackId, Omit<Price, "currency">>;
  return { ...byPack[packId], currency: e.BILLING_CURRENCY };
}

/** What a paid plan costs per month; `free` costs nothing and has no Stripe price. */
export function planPrice(planId: PlanId): Price {
  const e = env();
  const byPlan = {
    free: { amountCents: 0, stripePriceId: undefined },
    starter: { amountCents: e.PLAN_STARTER_PRICE_CENTS, stripePriceId: e.STRIPE_PRICE_STARTER },
    pro: { amountCents: e.PLAN_PRO_PRICE_CENTS, stripePriceId: e.STRIPE_PRICE_PRO },
    business: { amountCents: e.PLAN_BUSINESS_PRICE_CENTS, stripePriceId: e.STRIPE_PRICE_BUSINESS },
  } satisfies Record<PlanId, Omit<Price, "currency">>;
  return { ...byPlan[planId], currency: e.BILLING_CURRENCY };
}

/** The plan a Stripe subscription item's price stands for (configured price ids, or `price_local_<plan>`). */
export function planForStripePrice(priceId: string | undefined): PlanId | null {
  if (!priceId) return null;
  for (const plan of Object.keys(PLANS) as PlanId[]) {
    if (planPrice(plan).stripePriceId === priceId || priceId === `price_local_${plan}`) return plan;
  }
  return null;
}

export function packLabel(packId: PackId): string {
  return `${PACKS[packId].conversations.toLocaleString("en")} conversations`;
}
