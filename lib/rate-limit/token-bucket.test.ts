import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

describe("TokenBuckets", () => {
  it("allows a burst, then refuses with the seconds to wait", () => {
    const buckets = new TokenBuckets(1, 3);
    expect([buckets.take("k", 0), buckets.take("k", 0), buckets.take("k", 0)]).toEqual([0, 0, 0]);
    expect(buckets.take("k", 0)).toBe(1);
  });

  it("refills at the configured rate and never above the burst", () => {
    const buckets = new TokenBuckets(2, 2);
    buckets.take("k", 0);
    buckets.take("k", 0);
    expect(buckets.take("k", 0)).toBeGreaterThan(0);
    expect(buckets.take("k", 500)).toBe(0);
    expect([buckets.take("k", 60_000), buckets.take("k", 60_000), buckets.take("k", 60_000)]).toEqual([0, 0, 1]);
  });

  it("keeps keys apart", () => {
    const buckets = new TokenBuckets(1, 1);
    expect(buckets.take("a", 0)).toBe(0);
    expect(buckets.take("b", 0)).toBe(0);
    expect(buckets.take("a", 0)).toBe(1);
  });
});
