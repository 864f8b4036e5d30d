import { describe, expect, it } from "vitest";
import { cheapestCover } from "./cheapest-cover";

const packs = [
  { id: "pack-100", conversations: 100, priceCents: 900 },
  { id: "pack-500", conversations: 500, priceCents: 3_900 },
  { id: "pack-2000", conversations: 2_000, priceCents: 12_900 },
];

describe("cheapestCover", () => {
  it("needs nothing for nothing", () => {
    expect(cheapestCover(0, packs)).toEqual({ items: [], conversations: 0, priceCents: 0 });
    expect(cheapestCover(-5, packs)).toEqual({ items: [], conversations: 0, priceCents: 0 });
  });

  it("buys the smallest pack for a small need", () => {
    expect(cheapestCover(30, packs)).toMatchObject({ items: [{ id: "pack-100", count: 1 }], conversations: 100, priceCents: 900 });
  });

  it("mixes sizes when that is cheapest", () => {
    // 600: 500 + 100 (€48) beats 6 × 100 (€54) and 2 × 500 (€78).
    expect(cheapestCover(600, packs)).toMatchObject({ items: [{ id: "pack-500", count: 1 }, { id: "pack-100", count: 1 }], priceCents: 4_800 });
  });

  it("takes a bigger pack when it costs less than the exact mix", () => {
    // 1,700: 2000 (€129) beats 3 × 500 + 2 × 100 (€135).
    expect(cheapestCover(1_700, packs)).toMatchObject({ items: [{ id: "pack-2000", count: 1 }], conversations: 2_000, priceCents: 12_900 });
  });

  it("scales to large needs", () => {
    const cover = cheapestCover(50_050, packs);
    expect(cover.conversations).toBeGreaterThanOrEqual(50_050);
    expect(cover.items[0]).toMatchObject({ id: "pack-2000", count: 25 });
    expect(cover.priceCents).toBe(25 * 12_900 + 900);
  });
});
