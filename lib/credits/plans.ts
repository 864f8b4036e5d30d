// The plan catalogue lives in code; Stripe price ids come from the environment (credits issue).
// `centsPer1000Messages` is what the plan would charge under per-message billing, the alternative the
// insights page compares against (in cents per thousand messages, so the catalogue stays in integers).
export const PLANS = {
  free: { id: "free", name: "Free", includedConversations: 50, centsPer1000Messages: 1_000 },
  starter: { id: "starter", name: "Starter", includedConversations: 500, centsPer1000Messages: 900 },
  pro: { id: "pro", name: "Pro", includedConversations: 2_000, centsPer1000Messages: 750 },
  business: { id: "business", name: "Business", includedConversations: 10_000, centsPer1000Messages: 600 },
} as const;

export type PlanId = keyof typeof PLANS;
export const PLAN_IDS = Object.keys(PLANS) as PlanId[];

export function isPlanId(value: string): value is PlanId {
  return Object.hasOwn(PLANS, value);
}
