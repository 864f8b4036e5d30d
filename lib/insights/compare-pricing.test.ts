import { describe, expect, it } from "vitest";
import { comparePricing } from "./compare-pricing";

describe("comparePricing", () => {
  const days = [
    { day: "2026-11-01", conversations: 10, charged: 8, messages: 60 },
    { day: "2026-11-02", conversations: 5, charged: 5, messages: 45 },
  ];

  it("prices each day and the range both ways", () => {
    const result = comparePricing(days, { centsPerConversation: 5.8, centsPerMessage: 0.9 });
    expect(result.days.map((d) => [d.conversationCents, d.messageCents])).toEqual([[46, 54], [29, 41]]);
    expect(result.totals).toMatchObject({ conversations: 15, charged: 13, messages: 105, conversationCents: 75, messageCents: 95 });
    expect(result.differenceCents).toBe(20);
  });

  it("gives the per-message cost of an average conversation", () => {
    const result = comparePricing(days, { centsPerConversation: 5.8, centsPerMessage: 0.9 });
    expect(result.messagesPerConversation).toBe(7);
    expect(result.messageCentsPerConversation).toBeCloseTo(6.3);
  });

  it("prices the totals once, without the days' rounding", () => {
    const thirds = Array.from({ length: 3 }, (_, i) => ({ day: `2026-11-0${i + 1}`, conversations: 1, charged: 1, messages: 1 }));
    const result = comparePricing(thirds, { centsPerConversation: 1.4, centsPerMessage: 1.4 });
    expect(result.days.map((d) => d.conversationCents)).toEqual([1, 1, 1]);
    expect(result.totals.conversationCents).toBe(4);
  });

  it("is all zero for a range without traffic", () => {
    const result = comparePricing([], { centsPerConversation: 5, centsPerMessage: 1 });
    expect(result).toMatchObject({ messagesPerConversation: 0, messageCentsPerConversation: 0, differenceCents: 0 });
  });
});
