// Conversation packs: never expire, kept across plan changes. Prices come from the environment
// (lib/billing/catalogue.ts); the sizes are the product.
export const PACKS = {
  "pack-100": { id: "pack-100", conversations: 100, defaultPriceCents: 900 },
  "pack-500": { id: "pack-500", conversations: 500, defaultPriceCents: 3_900 },
  "pack-2000": { id: "pack-2000", conversations: 2_000, defaultPriceCents: 12_900 },
} as const;

export type PackId = keyof typeof PACKS;
export const PACK_IDS = Object.keys(PACKS) as PackId[];

export function isPackId(value: string): value is PackId {
  return Object.hasOwn(PACKS, value);
}
