import { describe, expect, it } from "vitest";
import { ConversationReplay } from "./replay-conversations";
import { isChargeableChannel } from "./step-conversation";
import { MIN, T0, T30, run } from "./test-fixtures";
import type { Channel, KeyEvent, MessageRole, ReplayEvent, ReplayTotals } from "./types";

function msg(key: string, channel: Channel, role: MessageRole, minute: number, topic: string | null = null): ReplayEvent {
  return { key, channel, type: "message", role, topic, at: T0 + minute * MIN };
}
function closeEv(key: string, channel: Channel, minute: number): ReplayEvent {
  return { key, channel, type: "close", role: null, topic: null, at: T0 + minute * MIN };
}
function replay(events: readonly ReplayEvent[], timeoutMs: number): ReplayTotals {
  const r = new ConversationReplay(timeoutMs);
  for (const e of events) r.push(e);
  return r.totals();
}

// A customer who comes back every 40 minutes and is answered each time.
const every40 = [0, 40, 80, 120].flatMap((m) => [msg("u1", "live", "user", m), msg("u1", "live", "assistant", m + 1)]);

describe("ConversationReplay", () => {
  it("starts with all-zero totals", () => {
    expect(new ConversationReplay(T30).totals()).toEqual({ conversations: 0, answered: 0, chargeable: 0, cancelled: 0 });
  });

  it("a user with 39-minute gaps is one conversation at a 60 minute timeout", () => {
    expect(replay(every40, 60 * MIN)).toEqual({ conversations: 1, answered: 1, chargeable: 1, cancelled: 0 });
  });

  it("the same user is four conversations, all charged, at a 30 minute timeout", () => {
    expect(replay(every40, T30)).toEqual({ conversations: 4, answered: 4, chargeable: 4, cancelled: 0 });
  });

  it("a gap of exactly the timeout continues in replay too", () => {
    const events = [msg("k", "live", "user", 0), msg("k", "live", "assistant", 39)];
    expect(replay(events, 39 * MIN).conversations).toBe(1);
    expect(replay(events, 39 * MIN - 1).conversations).toBe(2);
  });

  it("interleaved keys are tracked independently and only live answers are chargeable", () => {
    const events = [
      msg("a", "live", "user", 0),
      msg("b", "test", "user", 0),
      msg("c", "preview", "user", 1),
      msg("a", "live", "assistant", 2),
      msg("b", "test", "assistant", 2),
      msg("c", "preview", "assistant", 3),
      msg("d", "live", "assistant", 3), // proactive greeting, never answered
      msg("a", "live", "user", 5),
      msg("a", "live", "assistant", 6), // same conversation, not a second answer
    ];
    expect(replay(events, T30)).toEqual({ conversations: 4, answered: 3, chargeable: 1, cancelled: 1 });
  });

  it("close events end conversations; a closed unanswered conversation counts as cancelled", () => {
    const events = [
      msg("a", "live", "user", 0),
      closeEv("a", "live", 1),
      msg("a", "live", "user", 2),
      msg("a", "live", "assistant", 3),
      closeEv("a", "live", 4),
      closeEv("a", "live", 5), // nothing open: no effect
    ];
    expect(replay(events, T30)).toEqual({ conversations: 2, answered: 1, chargeable: 1, cancelled: 1 });
  });

  it("conversations still open at the end of the stream count as cancelled when unanswered", () => {
    const events = [msg("a", "live", "user", 0), msg("b", "live", "user", 0), msg("b", "live", "assistant", 1)];
    expect(replay(events, T30)).toEqual({ conversations: 2, answered: 1, chargeable: 1, cancelled: 1 });
  });

  it("system-only traffic starts no conversation", () => {
    const events = [msg("a", "live", "system", 0), msg("a", "live", "system", 100)];
    expect(replay(events, T30)).toEqual({ conversations: 0, answered: 0, chargeable: 0, cancelled: 0 });
  });

  it("system messages do not keep a conversation alive across a longer gap", () => {
    const events = [msg("a", "live", "user", 0), msg("a", "live", "system", 20), msg("a", "live", "assistant", 40)];
    expect(replay(events, T30)).toEqual({ conversations: 2, answered: 0, chargeable: 0, cancelled: 2 });
  });

  it("topic changes split conversations regardless of the timeout", () => {
    const events = [
      msg("a", "live", "user", 0, "refunds"),
      msg("a", "live", "assistant", 1),
      msg("a", "live", "user", 2, "shipping"),
      msg("a", "live", "assistant", 3, "shipping"),
    ];
    expect(replay(events, 24 * 60 * MIN)).toEqual({ conversations: 2, answered: 2, chargeable: 2, cancelled: 0 });
  });

  it("totals() is a snapshot and pushing can continue after it", () => {
    const r = new ConversationReplay(T30);
    r.push(msg("a", "live", "user", 0));
    const before = r.totals();
    r.push(msg("a", "live", "assistant", 1));
    expect(before).toEqual({ conversations: 1, answered: 0, chargeable: 0, cancelled: 1 });
    expect(r.totals()).toEqual({ conversations: 1, answered: 1, chargeable: 1, cancelled: 0 });
  });

  it("rejects a negative or NaN timeout at construction", () => {
    expect(() => new ConversationReplay(-1)).toThrow(RangeError);
    expect(() => new ConversationReplay(Number.NaN)).toThrow(RangeError);
  });
});

describe("ConversationReplay matches per-key stepConversation folds", () => {
  // Deterministic pseudo-random stream so the check is reproducible without a seed library.
  function stream(length: number): ReplayEvent[] {
    let s = 42;
    const next = (n: number): number => {
      s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
      return s % n;
    };
    const roles: MessageRole[] = ["user", "assistant", "system"];
    const channels: Channel[] = ["live", "test", "preview"];
    const topics = [null, null, "a", "b"];
    const events: ReplayEvent[] = [];
    let minute = 0;
    for (let i = 0; i < length; i++) {
      minute += next(25); // arrival-order clock with gaps around the tested timeouts
      const k = next(6);
      const key = `k${k}`;
      const channel = channels[k % 3] ?? "live";
      const skew = next(10) === 0 ? -next(60) : 0; // some out-of-order timestamps
      if (next(12) === 0) events.push(closeEv(key, channel, minute + skew));
      else events.push(msg(key, channel, roles[next(3)] ?? "user", minute + skew, topics[next(4)] ?? null));
    }
    return events;
  }

  function expected(events: readonly ReplayEvent[], timeoutMs: number): ReplayTotals {
    const byKey = new Map<string, { channel: Channel; events: KeyEvent[] }>();
    for (const e of events) {
      const entry = byKey.get(e.key) ?? { channel: e.channel, events: [] };
      entry.events.push(e);
      byKey.set(e.key, entry);
    }
    const totals = { conversations: 0, answered: 0, chargeable: 0, cancelled: 0 };
    for (const { channel, events: keyEvents } of byKey.values()) {
      for (const o of run(keyEvents, timeoutMs).outcomes) {
        if (o.kind !== "message") continue;
        if (o.attachedTo === "new") totals.conversations += 1;
        if (o.becameAnswered) {
          totals.answered += 1;
          if (isChargeableChannel(channel)) totals.chargeable += 1;
        }
      }
    }
    totals.cancelled = totals.conversations - totals.answered;
    return totals;
  }

  it.each([5 * MIN, 15 * MIN, T30, 60 * MIN])("gives the same totals for timeout %i ms", (timeoutMs) => {
    const events = stream(2_000);
    const totals = replay(events, timeoutMs);
    expect(totals).toEqual(expected(events, timeoutMs));
    expect(totals.conversations).toBeGreaterThan(0);
  });

  it("the generated stream exercises every counter and the timeouts really differ", () => {
    const events = stream(2_000);
    const t30 = replay(events, T30);
    expect(t30.chargeable).toBeGreaterThan(0);
    expect(t30.answered).toBeGreaterThan(t30.chargeable);
    expect(t30.cancelled).toBeGreaterThan(0);
    expect(replay(events, 5 * MIN).conversations).toBeGreaterThan(replay(events, 60 * MIN).conversations);
  });
});

describe("ConversationReplay.endKey", () => {
  it("forgets a finished key without changing the totals", () => {
    const r = new ConversationReplay(T30);
    r.push(msg("a", "live", "user", 0));
    r.endKey("a");
    expect(r.totals()).toEqual({ conversations: 1, answered: 0, chargeable: 0, cancelled: 1 });
    // The key's state is gone: an answer pushed later starts a new conversation instead of answering.
    r.push(msg("a", "live", "assistant", 1));
    expect(r.totals()).toEqual({ conversations: 2, answered: 0, chargeable: 0, cancelled: 2 });
  });
});
