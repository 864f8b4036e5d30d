import { cheapestCover, type Cover, type Offer } from "./cheapest-cover";
import type { PeriodForecast } from "./forecast-period";

export interface PlanOffer {
  id: string;
  included: number;
  priceCents: number;
}

export interface PlanOption {
  planId: string;
  included: number;
  planCents: number;
  packs: Cover;
  totalCents: number;
}

export interface PurchaseAdvice {
  /** Conversations the forecast (its high end) needs beyond what is left this period. */
  shortfall: number;
  /** The cheapest packs covering the shortfall now; empty when the balance is enough. */
  packsNow: Cover;
  /** Conversations a month at the forecast's high daily rate. */
  monthlyNeed: number;
  /** Every plan with the packs it would need each month, cheapest first. */
  plans: PlanOption[];
}

const MONTH_DAYS = 30;

/**
 * What to buy, planning for the high end of the forecast so the advice rarely falls short: packs
 * for this period, and the cheapest plan-and-packs combination for a month like the recent ones.
 */
export function advisePurchase(input: { forecast: PeriodForecast; usedThisPeriod: number; remaining: number; plans: readonly PlanOffer[]; packs: readonly Offer[] }): PurchaseAdvice {
  const shortfall = Math.max(0, Math.ceil(input.forecast.projectedUsage.high - input.usedThisPeriod - input.remaining));
  const monthlyNeed = Math.ceil(input.forecast.ratePerDay.high * MONTH_DAYS);
  const plans = input.plans
    .map((plan) => {
      const packs = cheapestCover(monthlyNeed - plan.included, input.packs);
      return { planId: plan.id, included: plan.included, planCents: plan.priceCents, packs, totalCents: plan.priceCents + packs.priceCents };
    })
    // Equal totals: the plan with more included conversations, which leaves more headroom.
    .sort((a, b) => a.totalCents - b.totalCents || b.included - a.included);
  return { shortfall, packsNow: cheapestCover(shortfall, input.packs), monthlyNeed, plans };
}
