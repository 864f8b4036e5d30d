// The plan catalogue lives in code; Stripe price ids come from the environment (credits issue).
export const PLANS = {
  free: { id: "free", name: "Free", includedConversations: 50 },
  starter: { id: "starter", name: "Starter", includedConversations: 500 },
  pro: { id: "pro", name: "Pro", includedConversations: 2_000 },
  business: { id: "business", name: "Business", includedConversations: 10_000 },
} as const;

export type PlanId = keyof typeof PLANS;
export const PLAN_IDS = Object.keys(PLANS) as PlanId[];

export function isPlanId(value: string): value is PlanId {
  return Object.hasOwn(PLANS, value);
}
