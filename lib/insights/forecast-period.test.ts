import { describe, expect, it } from "vitest";
import { advisePurchase } from "./advise-purchase";
import { forecastPeriod } from "./forecast-period";

const now = new Date("2026-11-20T00:00:00Z");
const periodEnd = new Date("2026-12-01T00:00:00Z");

describe("forecastPeriod", () => {
  it("projects a steady rate exactly, with no band", () => {
    const forecast = forecastPeriod({ recentDays: [10, 10, 10, 10], usedThisPeriod: 190, remaining: 50, periodEnd, now });
    expect(forecast.daysLeft).toBe(11);
    expect(forecast.projectedUsage).toEqual({ low: 300, expected: 300, high: 300 });
    expect(forecast.runsOut.expected?.toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });

  it("widens the band with the spread of the recent days, around the same expectation", () => {
    const forecast = forecastPeriod({ recentDays: [0, 20, 5, 15, 10, 10], usedThisPeriod: 190, remaining: 50, periodEnd, now });
    expect(forecast.projectedUsage.expected).toBe(300);
    expect(forecast.projectedUsage.low).toBeLessThan(300);
    expect(forecast.projectedUsage.high).toBeGreaterThan(300);
    expect(forecast.projectedUsage.high - 300).toBeCloseTo(300 - forecast.projectedUsage.low);
    const { earliest, expected, latest } = forecast.runsOut;
    expect(earliest!.getTime()).toBeLessThan(expected!.getTime());
    expect(latest!.getTime()).toBeGreaterThan(expected!.getTime());
  });

  it("never projects below what is already used, and never runs out without use", () => {
    const forecast = forecastPeriod({ recentDays: [0, 0, 30], usedThisPeriod: 5, remaining: 100, periodEnd, now });
    expect(forecast.projectedUsage.low).toBeGreaterThanOrEqual(5);
    const idle = forecastPeriod({ recentDays: [0, 0, 0], usedThisPeriod: 5, remaining: 100, periodEnd, now });
    expect(idle.runsOut).toEqual({ earliest: null, expected: null, latest: null });
    expect(idle.projectedUsage).toEqual({ low: 5, expected: 5, high: 5 });
  });
});

describe("advisePurchase", () => {
  const plans = [
    { id: "free", included: 50, priceCents: 0 },
    { id: "starter", included: 500, priceCents: 2_900 },
    { id: "pro", included: 2_000, priceCents: 9_900 },
  ];
  const packs = [
    { id: "pack-100", conversations: 100, priceCents: 900 },
    { id: "pack-500", conversations: 500, priceCents: 3_900 },
  ];

  it("suggests the packs that cover the forecast's high end this period", () => {
    const forecast = forecastPeriod({ recentDays: [20, 20, 20], usedThisPeriod: 190, remaining: 10, periodEnd, now });
    const advice = advisePurchase({ forecast, usedThisPeriod: 190, remaining: 10, plans, packs });
    // 11 days × 20 = 220 more, 10 left: 210 short → 3 × 100 (€27) beats one 500 (€39).
    expect(advice.shortfall).toBe(210);
    expect(advice.packsNow).toMatchObject({ items: [{ id: "pack-100", count: 3 }], priceCents: 2_700 });
  });

  it("suggests nothing now when the balance covers the forecast", () => {
    const forecast = forecastPeriod({ recentDays: [1, 1, 1], usedThisPeriod: 20, remaining: 400, periodEnd, now });
    expect(advisePurchase({ forecast, usedThisPeriod: 20, remaining: 400, plans, packs }).packsNow.items).toEqual([]);
  });

  it("ranks plans with the packs each needs for a month at the recent rate, cheapest first", () => {
    const forecast = forecastPeriod({ recentDays: [40, 40, 40], usedThisPeriod: 0, remaining: 0, periodEnd, now });
    const advice = advisePurchase({ forecast, usedThisPeriod: 0, remaining: 0, plans, packs });
    expect(advice.monthlyNeed).toBe(1_200);
    // pro alone €99; starter + 500 + 2 × 100 = €86; free + 2 × 500 + 2 × 100 = €96.
    expect(advice.plans.map((p) => [p.planId, p.totalCents])).toEqual([["starter", 8_600], ["free", 9_600], ["pro", 9_900]]);
  });
});
