import { describe, expect, it } from "vitest";
import { planBatch } from "@/lib/metering/ingest/plan-batch";
import { conversationKey, type KeyState } from "@/lib/metering/ingest/types";
import type { ValidEvent } from "@/lib/metering/schemas";
import { MIN, T0 } from "@/lib/metering/test-fixtures";
import type { Channel, MessageRole } from "@/lib/metering/types";
import { TimeoutWhatIf, whatIfTimeouts, type TimeoutOutcome } from "./timeout-what-if";

let ids = 0;
function message(endUserId: string, role: MessageRole, minute: number, options: { channel?: Channel; topic?: string } = {}): ValidEvent {
  ids += 1;
  return { eventId: `e${ids}`, type: "message", role, channel: options.channel ?? "live", endUserId, threadId: "", topic: options.topic ?? null, at: T0 + minute * MIN, text: null };
}
function close(endUserId: string, minute: number): ValidEvent {
  ids += 1;
  return { eventId: `e${ids}`, type: "close", role: null, channel: "live", endUserId, threadId: "", topic: null, at: T0 + minute * MIN, text: null };
}

/** Billable conversations the live ingest planner charges for `events` (in arrival order) at `timeoutMinutes`. */
function liveCharged(events: ValidEvent[], timeoutMinutes: number): number {
  const keys = new Map<string, KeyState>();
  for (const event of events) keys.set(conversationKey(event), { keyId: conversationKey(event), open: null });
  let next = 0;
  const plan = planBatch({ events, keys, stored: new Map(), timeoutMs: timeoutMinutes * MIN, chargeBudget: null, now: T0, newConversationId: () => `c${++next}` });
  return plan.charged.length;
}

/** The what-if over the same events as the database streams them: grouped by key, arrival order within a key. */
function whatIf(events: ValidEvent[], timeouts: number[]): Map<number, TimeoutOutcome> {
  const ordered = events.map((event, arrival) => ({ event, arrival, key: conversationKey(event) }));
  ordered.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.arrival - b.arrival));
  const replay = new TimeoutWhatIf(timeouts);
  for (const { event, key } of ordered) replay.push({ key, channel: event.channel, type: event.type, role: event.role, topic: event.topic, at: event.at });
  return new Map(replay.results().map((outcome) => [outcome.timeoutMinutes, outcome]));
}

// Each customer is built so that a specific timeout changes how their traffic is counted.
const crafted: ValidEvent[] = [
  // alice: gaps of 38 and 59 minutes, answered each time: 3 conversations up to 30 min, 2 at 45, 1 from 60.
  ...[message("alice", "user", 0), message("alice", "assistant", 2), message("alice", "user", 40), message("alice", "assistant", 41), message("alice", "user", 100), message("alice", "assistant", 102)],
  // bob: a 10-minute wait for the answer, a gap of exactly 15 minutes, then a close: 2 charged at 5 min (4 conversations), 2 from 15.
  ...[message("bob", "user", 0), message("bob", "assistant", 10), message("bob", "user", 25), message("bob", "assistant", 26), close("bob", 27), message("bob", "user", 28), message("bob", "assistant", 29)],
  // carol: never answered: cancelled, never charged, 2 conversations below 50 minutes.
  ...[message("carol", "user", 0), message("carol", "user", 50)],
  // dave: a topic change splits whatever the timeout.
  ...[message("dave", "user", 0, { topic: "refunds" }), message("dave", "assistant", 1), message("dave", "user", 3, { topic: "shipping" }), message("dave", "assistant", 4)],
  // frank: an 11-minute gap: 2 charged at 5 minutes, 1 from 15.
  ...[message("frank", "user", 0), message("frank", "assistant", 1), message("frank", "user", 12), message("frank", "assistant", 13)],
  // gina: a 90-minute gap: 2 charged up to 60 minutes, 1 at 120.
  ...[message("gina", "user", 0), message("gina", "assistant", 1), message("gina", "user", 91), message("gina", "assistant", 92)],
  // tess: answered on the test channel: a conversation, never billable.
  ...[message("tess", "user", 0, { channel: "test" }), message("tess", "assistant", 1, { channel: "test" })],
  // ivan: the answer arrives last but is stamped before his second message, so arrival order decides.
  ...[message("ivan", "user", 0), message("ivan", "user", 20), message("ivan", "assistant", 5)],
];
// Interleave customers the way a live chatbot sends them: by timestamp, ivan's late answer staying last.
const arrival = [...crafted.slice(0, -1)].sort((a, b) => a.at - b.at).concat(crafted.slice(-1));

describe("TimeoutWhatIf", () => {
  const timeouts = whatIfTimeouts([45]);
  const results = whatIf(arrival, timeouts);

  it("equals the live metering result at the workspace's timeout (30 minutes)", () => {
    expect(results.get(30)?.chargeable).toBe(liveCharged(arrival, 30));
    expect(results.get(30)?.chargeable).toBe(11);
  });

  it("gives the predicted billable counts at other timeouts", () => {
    const chargeable = Object.fromEntries([...results].map(([minutes, outcome]) => [minutes, outcome.chargeable]));
    // alice 3/3/3/2/1/1, bob 2, dave 2, frank 2/1…, gina 2…/1, ivan 1.
    expect(chargeable).toEqual({ 5: 12, 15: 11, 30: 11, 45: 10, 60: 9, 120: 8 });
  });

  it("counts conversations and cancelled ones as ingest would", () => {
    expect(results.get(5)).toMatchObject({ conversations: 18, answered: 13, cancelled: 5 });
    expect(results.get(120)).toMatchObject({ conversations: 10, answered: 9, cancelled: 1 });
  });

  it("equals the live planner at every timeout it replays", () => {
    for (const minutes of timeouts) expect(results.get(minutes)?.chargeable, `${minutes} min`).toBe(liveCharged(arrival, minutes));
  });

  it("follows arrival order within a key, not timestamp order", () => {
    const ivan = crafted.slice(-3);
    expect(whatIf(ivan, [15]).get(15)).toMatchObject({ conversations: 2, answered: 1 });
    const byTimestamp = [...ivan].sort((a, b) => a.at - b.at);
    expect(whatIf(byTimestamp, [15]).get(15)).toMatchObject({ conversations: 1, answered: 1 });
  });

  it("equals the live planner on a long pseudo-random stream at every timeout", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const roles: MessageRole[] = ["user", "user", "assistant", "assistant", "system"];
    const events: ValidEvent[] = [];
    let minute = 0;
    for (let i = 0; i < 4_000; i++) {
      minute += next(8);
      const who = `u${next(8)}`;
      const skew = next(15) === 0 ? -next(40) : 0;
      if (next(25) === 0) events.push(close(who, minute + skew));
      else events.push(message(who, roles[next(roles.length)] ?? "user", minute + skew, { channel: next(10) === 0 ? "test" : "live", topic: next(30) === 0 ? `t${next(3)}` : undefined }));
    }
    const replayed = whatIf(events, whatIfTimeouts([1, 240]));
    for (const [minutes, outcome] of replayed) expect(outcome.chargeable, `${minutes} min`).toBe(liveCharged(events, minutes));
    expect(new Set([...replayed.values()].map((o) => o.chargeable)).size).toBeGreaterThanOrEqual(3);
  });

  it("merges extra timeouts into the standard ones, sorted and once", () => {
    expect(whatIfTimeouts([30, 45, null, 5])).toEqual([5, 15, 30, 45, 60, 120]);
  });
});
