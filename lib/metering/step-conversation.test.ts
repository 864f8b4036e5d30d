import { describe, expect, it } from "vitest";
import { stepConversation } from "./step-conversation";
import { MIN, SEC, T0, T30, assistant, conversation, frozen, run, user } from "./test-fixtures";

describe("stepConversation: starting a conversation", () => {
  it("a user message with no open conversation starts a new one from that message", () => {
    const { open, outcome } = stepConversation(null, user(T0, "billing"), T30);
    expect(outcome).toEqual({ kind: "message", closedPrevious: null, attachedTo: "new", becameAnswered: false });
    expect(open).toEqual({
      startedAt: T0, lastActivityAt: T0, topic: "billing",
      userMessageCount: 1, assistantMessageCount: 0, systemMessageCount: 0, answered: false,
    });
  });

  it("an assistant message with no open conversation starts one counted as assistant", () => {
    const { open, outcome } = stepConversation(null, assistant(T0), T30);
    expect(outcome).toMatchObject({ attachedTo: "new", closedPrevious: null, becameAnswered: false });
    expect(open).toMatchObject({ userMessageCount: 0, assistantMessageCount: 1, topic: null, answered: false });
  });
});

describe("stepConversation: inactivity gap boundary", () => {
  it("a gap of exactly the timeout continues the conversation", () => {
    const { open, outcome } = stepConversation(conversation(), user(T0 + T30), T30);
    expect(outcome).toMatchObject({ attachedTo: "existing", closedPrevious: null });
    expect(open).toMatchObject({ startedAt: T0, lastActivityAt: T0 + T30, userMessageCount: 2 });
  });

  it("a gap one second past the timeout closes the old one as timeout at last+timeout and starts new", () => {
    const at = T0 + T30 + SEC;
    const { open, outcome } = stepConversation(conversation(), user(at), T30);
    expect(outcome).toEqual({
      kind: "message", attachedTo: "new", becameAnswered: false,
      closedPrevious: { reason: "timeout", at: T0 + T30 },
    });
    expect(open).toMatchObject({ startedAt: at, lastActivityAt: at, userMessageCount: 1 });
  });

  it("a gap one millisecond past the timeout already starts a new conversation", () => {
    const { outcome } = stepConversation(conversation(), user(T0 + T30 + 1), T30);
    expect(outcome).toMatchObject({ attachedTo: "new", closedPrevious: { reason: "timeout" } });
  });

  it("the expiry close time uses the last activity, not the start, of the old conversation", () => {
    const open = conversation({ startedAt: T0, lastActivityAt: T0 + 20 * MIN });
    const { outcome } = stepConversation(open, assistant(T0 + 2 * 60 * MIN), T30);
    expect(outcome).toMatchObject({ closedPrevious: { reason: "timeout", at: T0 + 50 * MIN } });
  });

  it("a chain of messages each within the timeout stays one conversation however long overall", () => {
    const events = [0, 25, 50, 75, 100].map((m) => user(T0 + m * MIN));
    const { open, outcomes } = run(events);
    expect(outcomes.filter((o) => o.kind === "message" && o.attachedTo === "new")).toHaveLength(1);
    expect(open).toMatchObject({ startedAt: T0, lastActivityAt: T0 + 100 * MIN, userMessageCount: 5 });
  });

  it("a zero timeout continues only same-millisecond messages", () => {
    expect(stepConversation(conversation(), user(T0), 0).outcome).toMatchObject({ attachedTo: "existing" });
    expect(stepConversation(conversation(), user(T0 + 1), 0).outcome).toMatchObject({
      attachedTo: "new", closedPrevious: { reason: "timeout", at: T0 },
    });
  });
});

describe("stepConversation: out-of-order timestamps", () => {
  it("an earlier timestamp counts as a zero gap and does not move lastActivityAt back", () => {
    const open = conversation({ lastActivityAt: T0 + 10 * MIN });
    const result = stepConversation(open, assistant(T0 - 5 * 60 * MIN), T30);
    expect(result.outcome).toMatchObject({ attachedTo: "existing", closedPrevious: null, becameAnswered: true });
    expect(result.open).toMatchObject({ lastActivityAt: T0 + 10 * MIN, assistantMessageCount: 1 });
  });

  it("gaps after a late-stamped message are still measured from the latest activity", () => {
    const { outcomes } = run([user(T0), user(T0 - 10 * MIN), user(T0 + T30)]);
    expect(outcomes.map((o) => o.kind === "message" && o.attachedTo)).toEqual(["new", "existing", "existing"]);
  });
});

describe("stepConversation: timeout changes between events", () => {
  it("each event is judged by the timeout passed with it", () => {
    const first = stepConversation(null, user(T0), T30);
    const longer = stepConversation(first.open, user(T0 + 45 * MIN), 60 * MIN);
    expect(longer.outcome).toMatchObject({ attachedTo: "existing" });
    const shorter = stepConversation(longer.open, user(T0 + 60 * MIN), 10 * MIN);
    expect(shorter.outcome).toMatchObject({
      attachedTo: "new", closedPrevious: { reason: "timeout", at: T0 + 55 * MIN },
    });
  });
});

describe("stepConversation: purity", () => {
  it("never mutates the input conversation (continue, topic adoption, expiry, close)", () => {
    const input = frozen(conversation({ topic: null, userMessageCount: 1 }));
    const snapshot = { ...input };
    stepConversation(input, assistant(T0 + MIN, "orders"), T30);
    stepConversation(input, user(T0 + 2 * T30), T30);
    stepConversation(input, { type: "close", role: null, topic: null, at: T0 + MIN }, T30);
    stepConversation(input, { type: "message", role: "system", topic: "x", at: T0 + MIN }, T30);
    expect(input).toEqual(snapshot);
  });

  it("returns a new object when the conversation changes", () => {
    const input = conversation();
    const { open } = stepConversation(input, user(T0 + MIN), T30);
    expect(open).not.toBe(input);
  });
});

describe("stepConversation: invalid input", () => {
  it("rejects a negative or NaN timeout", () => {
    expect(() => stepConversation(null, user(T0), -1)).toThrow(RangeError);
    expect(() => stepConversation(null, user(T0), Number.NaN)).toThrow(RangeError);
  });

  it("rejects a non-finite timestamp", () => {
    expect(() => stepConversation(conversation(), user(Number.NaN), T30)).toThrow(RangeError);
  });

  it("rejects a message event without a role", () => {
    expect(() => stepConversation(null, { type: "message", role: null, topic: null, at: T0 }, T30)).toThrow(TypeError);
  });
});
