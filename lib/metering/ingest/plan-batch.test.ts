import { describe, expect, it } from "vitest";
import type { ValidEvent } from "@/lib/metering/schemas";
import { MIN, T0, T30 } from "@/lib/metering/test-fixtures";
import type { Channel, MessageRole } from "@/lib/metering/types";
import { planBatch, type BatchPlan } from "./plan-batch";
import { conversationKey, type EventOutcome, type KeyState, type StoredConversation } from "./types";

const NOW = T0 + 60 * MIN;

interface Who {
  channel: Channel;
  endUserId: string;
  threadId: string;
}
const alice: Who = { channel: "live", endUserId: "alice", threadId: "" };
const bob: Who = { channel: "live", endUserId: "bob", threadId: "" };
const tester: Who = { channel: "test", endUserId: "tester", threadId: "" };

const keyIdOf = (who: Who) => `key:${who.channel}:${who.endUserId}:${who.threadId}`;

function message(eventId: string, role: MessageRole, at: number, who: Who = alice, topic: string | null = null): ValidEvent {
  return { eventId, type: "message", role, ...who, topic, at, text: null };
}
function closeEvent(eventId: string, at: number, who: Who = alice): ValidEvent {
  return { eventId, type: "close", role: null, ...who, topic: null, at, text: null };
}

/** A stored open conversation of `who`, last active at T0, with one unanswered user message. */
function storedConversation(who: Who, overrides: Partial<StoredConversation> = {}): StoredConversation {
  return {
    id: `stored-${who.endUserId}`,
    keyId: keyIdOf(who),
    ...who,
    topic: null,
    startedAt: T0 - 5 * MIN,
    lastActivityAt: T0,
    closedAt: null,
    closeReason: null,
    userMessageCount: 1,
    assistantMessageCount: 0,
    systemMessageCount: 0,
    answered: false,
    billable: false,
    blocked: false,
    chargedAt: null,
    ...overrides,
  };
}

interface Options {
  open?: StoredConversation[];
  stored?: Map<string, EventOutcome>;
  chargeBudget?: number | null;
  keys?: Map<string, KeyState>;
}

/** Runs planBatch with every key of the batch loaded (pointing at `open` where it matches) and a counting id generator. */
function plan(events: ValidEvent[], options: Options = {}): BatchPlan & { idsIssued: number } {
  const keys = options.keys ?? new Map<string, KeyState>();
  if (!options.keys) {
    for (const event of events) {
      const open = options.open?.find((conversation) => conversationKey(conversation) === conversationKey(event)) ?? null;
      keys.set(conversationKey(event), { keyId: keyIdOf(event), open });
    }
  }
  let idsIssued = 0;
  const result = planBatch({
    events,
    keys,
    stored: options.stored ?? new Map(),
    timeoutMs: T30,
    chargeBudget: options.chargeBudget === undefined ? null : options.chargeBudget,
    now: NOW,
    newConversationId: () => `conv-${++idsIssued}`,
  });
  return { ...result, idsIssued };
}

const outcomes = (result: BatchPlan) => result.results.map((r) => r.outcome);
const changeOf = (result: BatchPlan, id: string) => result.conversations.find((c) => c.conversation.id === id);

describe("planBatch: starting and charging conversations", () => {
  it("a fresh key's user→assistant exchange creates one conversation charged exactly once, at the answer", () => {
    const result = plan([message("e1", "user", T0), message("e2", "assistant", T0 + MIN)]);
    expect(result.results.map((r) => r.status)).toEqual(["accepted", "accepted"]);
    expect(outcomes(result)).toEqual([
      { event: expect.objectContaining({ eventId: "e1" }), keyId: keyIdOf(alice), conversationId: "conv-1", newConversation: true, charged: false, allowed: true },
      { event: expect.objectContaining({ eventId: "e2" }), keyId: keyIdOf(alice), conversationId: "conv-1", newConversation: false, charged: true, allowed: true },
    ]);
    expect(result.events.map((e) => e.event.eventId)).toEqual(["e1", "e2"]);
    expect(result.conversations).toHaveLength(1);
    expect(result.conversations[0]).toMatchObject({ isNew: true, messagesAdded: 2, answeredNow: true, chargedNow: true });
    expect(result.conversations[0]?.conversation).toMatchObject({
      id: "conv-1", keyId: keyIdOf(alice), startedAt: T0, lastActivityAt: T0 + MIN, closedAt: null,
      userMessageCount: 1, assistantMessageCount: 1, answered: true, billable: true, blocked: false, chargedAt: NOW,
    });
    expect(result.charged).toEqual(["conv-1"]);
    expect(result.keyPointers).toEqual([{ keyId: keyIdOf(alice), conversationId: "conv-1" }]);
    expect(result.idsIssued).toBe(1);
  });

  it("continuing a stored open conversation adds to its stored counts and never asks for a new id", () => {
    const open = storedConversation(alice, { userMessageCount: 2, assistantMessageCount: 1, systemMessageCount: 1 });
    const result = plan([message("e1", "user", T0 + MIN), message("e2", "assistant", T0 + 2 * MIN)], { open: [open] });
    expect(result.idsIssued).toBe(0);
    expect(outcomes(result).map((o) => [o.conversationId, o.newConversation])).toEqual([["stored-alice", false], ["stored-alice", false]]);
    expect(result.conversations).toEqual([expect.objectContaining({ isNew: false, messagesAdded: 2, answeredNow: true, chargedNow: true })]);
    expect(open).toMatchObject({ userMessageCount: 3, assistantMessageCount: 2, systemMessageCount: 1, lastActivityAt: T0 + 2 * MIN, startedAt: T0 - 5 * MIN });
    expect(result.charged).toEqual(["stored-alice"]);
    expect(result.keyPointers).toEqual([]);
  });

  it("a stored conversation that was already answered is never charged again", () => {
    const open = storedConversation(alice, { assistantMessageCount: 1, answered: true, billable: true, chargedAt: T0 - MIN });
    const result = plan([message("e1", "user", T0 + MIN), message("e2", "assistant", T0 + 2 * MIN)], { open: [open] });
    expect(result.charged).toEqual([]);
    expect(outcomes(result).map((o) => o.charged)).toEqual([false, false]);
    expect(result.conversations[0]).toMatchObject({ answeredNow: false, chargedNow: false });
    expect(open.chargedAt).toBe(T0 - MIN);
  });

  it("an answered test-channel conversation is answered but never charged", () => {
    const result = plan([message("e1", "user", T0, tester), message("e2", "assistant", T0 + MIN, tester)]);
    expect(result.conversations[0]).toMatchObject({ answeredNow: true, chargedNow: false });
    expect(result.conversations[0]?.conversation).toMatchObject({ answered: true, billable: false, chargedAt: null });
    expect(result.charged).toEqual([]);
    expect(outcomes(result).map((o) => o.charged)).toEqual([false, false]);
  });

  it("a system message with no open conversation attaches to none and creates nothing", () => {
    const result = plan([message("e1", "system", T0)]);
    expect(outcomes(result)).toEqual([expect.objectContaining({ conversationId: null, newConversation: false, charged: false, allowed: true })]);
    expect(result.events).toHaveLength(1);
    expect(result.conversations).toEqual([]);
    expect(result.keyPointers).toEqual([]);
    expect(result.idsIssued).toBe(0);
  });

  it("interleaved keys each follow their own arrival order, and `charged` lists conversations in the order they became billable", () => {
    const result = plan([
      message("a1", "assistant", T0 + MIN), // alice: arrives first although stamped later, so her greeting opens the conversation
      message("b1", "user", T0, bob),
      message("a2", "user", T0),
      message("b2", "assistant", T0 + MIN, bob),
      message("a3", "assistant", T0 + 2 * MIN),
    ]);
    expect(outcomes(result).map((o) => o.conversationId)).toEqual(["conv-1", "conv-2", "conv-1", "conv-2", "conv-1"]);
    expect(outcomes(result).map((o) => o.charged)).toEqual([false, false, false, true, true]);
    expect(result.charged).toEqual(["conv-2", "conv-1"]);
    expect(changeOf(result, "conv-1")?.conversation).toMatchObject({ endUserId: "alice", startedAt: T0 + MIN, userMessageCount: 1, assistantMessageCount: 2 });
    expect(changeOf(result, "conv-2")?.conversation).toMatchObject({ endUserId: "bob", userMessageCount: 1, assistantMessageCount: 1 });
  });
});

describe("planBatch: closing conversations and moving key pointers", () => {
  it("an expired stored conversation is closed at lastActivityAt + timeout and the key moves to a new conversation", () => {
    const open = storedConversation(alice);
    const result = plan([message("e1", "user", T0 + T30 + MIN)], { open: [open] });
    expect(changeOf(result, "stored-alice")).toMatchObject({ isNew: false, messagesAdded: 0, answeredNow: false, chargedNow: false });
    expect(open).toMatchObject({ closedAt: T0 + T30, closeReason: "timeout" });
    expect(changeOf(result, "conv-1")).toMatchObject({ isNew: true, messagesAdded: 1 });
    expect(outcomes(result)).toEqual([expect.objectContaining({ conversationId: "conv-1", newConversation: true })]);
    expect(result.keyPointers).toEqual([{ keyId: keyIdOf(alice), conversationId: "conv-1" }]);
  });

  it("a message exactly one timeout after the last activity still continues the stored conversation", () => {
    const open = storedConversation(alice);
    const result = plan([message("e1", "assistant", T0 + T30)], { open: [open] });
    expect(open.closedAt).toBeNull();
    expect(result.charged).toEqual(["stored-alice"]);
    expect(result.keyPointers).toEqual([]);
  });

  it("a close event closes the stored conversation and clears the key pointer", () => {
    const open = storedConversation(alice);
    const result = plan([closeEvent("e1", T0 + 2 * MIN)], { open: [open] });
    expect(open).toMatchObject({ closedAt: T0 + 2 * MIN, closeReason: "closed" });
    expect(result.conversations).toEqual([expect.objectContaining({ isNew: false, messagesAdded: 0 })]);
    expect(result.keyPointers).toEqual([{ keyId: keyIdOf(alice), conversationId: null }]);
    expect(outcomes(result)).toEqual([expect.objectContaining({ conversationId: null, newConversation: false, charged: false })]);
  });

  it("a conversation opened and closed within one batch leaves an empty key pointer unreported", () => {
    const result = plan([message("e1", "user", T0), closeEvent("e2", T0 + MIN)]);
    expect(changeOf(result, "conv-1")?.conversation).toMatchObject({ closedAt: T0 + MIN, closeReason: "closed" });
    expect(result.keyPointers).toEqual([]);
  });

  it("a topic change closes the stored conversation as topic_change and points the key at the new one", () => {
    const open = storedConversation(alice, { topic: "billing" });
    const result = plan([message("e1", "user", T0 + MIN, alice, "shipping")], { open: [open] });
    expect(open).toMatchObject({ closedAt: T0 + MIN, closeReason: "topic_change" });
    expect(changeOf(result, "conv-1")?.conversation.topic).toBe("shipping");
    expect(result.keyPointers).toEqual([{ keyId: keyIdOf(alice), conversationId: "conv-1" }]);
  });
});

describe("planBatch: duplicates", () => {
  it("an event id stored before returns its stored outcome and changes nothing", () => {
    const original: EventOutcome = { conversationId: "old-conv", newConversation: true, charged: true, allowed: true };
    const result = plan([message("e1", "assistant", T0)], { stored: new Map([["e1", original]]) });
    expect(result.results).toEqual([{ status: "duplicate", outcome: original }]);
    expect(result).toMatchObject({ events: [], conversations: [], keyPointers: [], charged: [], idsIssued: 0 });
  });

  it("an id repeated within the batch is a no-op reporting the first occurrence's outcome", () => {
    const result = plan([message("e1", "user", T0), message("e1", "user", T0), message("e2", "assistant", T0 + MIN)]);
    expect(result.results.map((r) => r.status)).toEqual(["accepted", "duplicate", "accepted"]);
    expect(result.results[1]?.outcome).toEqual(result.results[0]?.outcome);
    expect(result.events.map((e) => e.event.eventId)).toEqual(["e1", "e2"]);
    expect(result.conversations[0]).toMatchObject({ messagesAdded: 2, conversation: expect.objectContaining({ userMessageCount: 1 }) });
  });

  it("an in-batch repeat reports the first occurrence's final `allowed`, even when it changes later in the batch", () => {
    const open = storedConversation(alice);
    const result = plan([message("e1", "user", T0 + MIN), message("e1", "user", T0 + MIN), message("e2", "assistant", T0 + 2 * MIN)], { open: [open], chargeBudget: 0 });
    expect(outcomes(result).map((o) => o.allowed)).toEqual([false, false, false]);
    expect(result.results[1]).toEqual({ status: "duplicate", outcome: expect.objectContaining({ conversationId: "stored-alice", allowed: false }) });
  });
});

describe("planBatch: the pause policy's charge budget", () => {
  it("with a budget of 1, the first conversation answered is charged and the second is blocked on all its events", () => {
    const result = plan(
      [message("a1", "user", T0), message("b1", "user", T0, bob), message("a2", "assistant", T0 + MIN), message("b2", "assistant", T0 + MIN, bob)],
      { chargeBudget: 1 },
    );
    expect(result.charged).toEqual(["conv-1"]);
    expect(outcomes(result).map((o) => [o.conversationId, o.charged, o.allowed])).toEqual([
      ["conv-1", false, true], ["conv-2", false, false], ["conv-1", true, true], ["conv-2", false, false],
    ]);
    expect(changeOf(result, "conv-2")).toMatchObject({ answeredNow: true, chargedNow: false, conversation: expect.objectContaining({ blocked: true, billable: false, chargedAt: null }) });
  });

  it("with no limit (null), every answered live conversation is charged", () => {
    const result = plan([message("a1", "user", T0), message("b1", "user", T0, bob), message("a2", "assistant", T0 + MIN), message("b2", "assistant", T0 + MIN, bob)]);
    expect(result.charged).toEqual(["conv-1", "conv-2"]);
    expect(outcomes(result).every((o) => o.allowed)).toBe(true);
  });

  it("with a budget of 0, a new live conversation starts blocked but a test-channel one does not", () => {
    const result = plan([message("a1", "user", T0), message("t1", "user", T0, tester), message("t2", "assistant", T0 + MIN, tester)], { chargeBudget: 0 });
    expect(changeOf(result, "conv-1")?.conversation.blocked).toBe(true);
    expect(changeOf(result, "conv-2")?.conversation).toMatchObject({ blocked: false, answered: true, billable: false });
    expect(outcomes(result).map((o) => o.allowed)).toEqual([false, true, true]);
    expect(result.charged).toEqual([]);
  });
  // followed by a switch to `pause`. planBatch only treats exactly 0 as exhausted (`budget === 0`), so a
  // negative budget charges (and keeps decrementing) instead of blocking.
  it("a negative budget (credits already overdrawn) blocks new live conversations instead of charging them", () => {
    const result = plan([message("a1", "user", T0), message("a2", "assistant", T0 + MIN)], { chargeBudget: -1 });
    expect(result.charged).toEqual([]);
    expect(outcomes(result).map((o) => o.allowed)).toEqual([false, false]);
  });
});

describe("planBatch: caller contract", () => {
  it("throws when an event's conversation key was not loaded", () => {
    expect(() => plan([message("e1", "user", T0)], { keys: new Map() })).toThrow(/key must be loaded/);
  });
});
