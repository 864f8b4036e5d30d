export interface DayUsage {
  day: string;
  /** Live conversations started that day. */
  conversations: number;
  /** Of those, charged a conversation credit. */
  charged: number;
  /** Messages recorded in those conversations. */
  messages: number;
}

export interface Prices {
  /** What one conversation credit costs on the workspace's plan (may be a fraction of a cent). */
  centsPerConversation: number;
  /** What one message would cost under per-message billing. */
  centsPerMessage: number;
}

export interface PricedDay extends DayUsage {
  conversationCents: number;
  messageCents: number;
}

export interface PricingComparison {
  prices: Prices;
  days: PricedDay[];
  totals: PricedDay & { day: "total" };
  /** Messages in an average live conversation, and what they would cost one by one. */
  messagesPerConversation: number;
  messageCentsPerConversation: number;
  /** Message credits minus conversation credits over the range: positive means conversations were cheaper. */
  differenceCents: number;
}

const cents = (value: number) => Math.round(value);

/** The range's live usage priced both ways: conversation credits as charged, and per message. */
export function comparePricing(days: readonly DayUsage[], prices: Prices): PricingComparison {
  const priced = days.map((day) => ({ ...day, conversationCents: cents(day.charged * prices.centsPerConversation), messageCents: cents(day.messages * prices.centsPerMessage) }));
  const sum = (read: (day: DayUsage) => number) => days.reduce((total, day) => total + read(day), 0);
  const totals = { day: "total" as const, conversations: sum((d) => d.conversations), charged: sum((d) => d.charged), messages: sum((d) => d.messages), conversationCents: 0, messageCents: 0 };
  // Totals are priced once rather than summed from rounded days, so they carry no rounding drift.
  totals.conversationCents = cents(totals.charged * prices.centsPerConversation);
  totals.messageCents = cents(totals.messages * prices.centsPerMessage);
  const messagesPerConversation = totals.conversations ? totals.messages / totals.conversations : 0;
  return {
    prices,
    days: priced,
    totals,
    messagesPerConversation,
    messageCentsPerConversation: messagesPerConversation * prices.centsPerMessage,
    differenceCents: totals.messageCents - totals.conversationCents,
  };
}
