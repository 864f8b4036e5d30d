export interface Offer {
  id: string;
  conversations: number;
  priceCents: number;
}

export interface Cover {
  /** How many of each offer to buy, largest first; empty when nothing is needed. */
  items: { id: string; conversations: number; count: number }[];
  conversations: number;
  priceCents: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The cheapest set of packs (any number of each) giving at least `needed` conversations, by dynamic
 * programming over pack-size units, so an odd mix such as 500 + 100 + 100 is found when it is cheapest.
 * Ties go to more conversations.
 */
export function cheapestCover(needed: number, offers: readonly Offer[]): Cover {
  if (needed <= 0 || offers.length === 0) return { items: [], conversations: 0, priceCents: 0 };
  const unit = offers.reduce((g, offer) => gcd(g, offer.conversations), 0);
  const sizes = offers.map((offer) => offer.conversations / unit);
  const target = Math.ceil(needed / unit);
  const limit = target + Math.max(...sizes);
  // best[u]: cheapest price of exactly u units and the offer bought last to reach it.
  const best: { cost: number; last: number }[] = [{ cost: 0, last: -1 }];
  for (let units = 1; units <= limit; units++) {
    let entry = { cost: Number.POSITIVE_INFINITY, last: -1 };
    offers.forEach((offer, index) => {
      const before = best[units - (sizes[index] ?? 0)];
      if (before && before.cost + offer.priceCents < entry.cost) entry = { cost: before.cost + offer.priceCents, last: index };
    });
    best.push(entry);
  }
  let chosen = target;
  for (let units = target; units <= limit; units++) if ((best[units]?.cost ?? Infinity) <= (best[chosen]?.cost ?? Infinity)) chosen = units;
  const counts = new Array<number>(offers.length).fill(0);
  for (let units = chosen; units > 0; ) {
    const last = best[units]?.last ?? -1;
    counts[last] = (counts[last] ?? 0) + 1;
    units -= sizes[last] ?? units;
  }
  const items = offers
    .map((offer, index) => ({ id: offer.id, conversations: offer.conversations, count: counts[index] ?? 0 }))
    .filter((item) => item.count > 0)
    .sort((a, b) => b.conversations - a.conversations);
  return { items, conversations: chosen * unit, priceCents: best[chosen]?.cost ?? 0 };
}
