import { packPrice, planPrice } from "@/lib/billing/catalogue";
import { PACK_IDS, PACKS } from "@/lib/credits/packs";
import { PLANS, isPlanId, type PlanId } from "@/lib/credits/plans";
import type { Prices } from "./compare-pricing";

/**
 * A conversation credit's price on a plan: the monthly price over the conversations it includes; on
 * the free plan, where every extra credit is bought, the smallest pack's price per conversation.
 */
export function planUnitPrices(plan: string): Prices {
  const id: PlanId = isPlanId(plan) ? plan : "free";
  const monthly = planPrice(id).amountCents;
  const smallest = PACK_IDS[0] ?? "pack-100";
  const centsPerConversation = monthly > 0 ? monthly / PLANS[id].includedConversations : packPrice(smallest).amountCents / PACKS[smallest].conversations;
  return { centsPerConversation, centsPerMessage: PLANS[id].centsPer1000Messages / 1_000 };
}
