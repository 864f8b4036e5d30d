import { describe, expect, it } from "vitest";
import { stepConversation } from "./step-conversation";
import { MIN, T0, T30, close, conversation, frozen, run, user } from "./test-fixtures";

describe("stepConversation: close events", () => {
  it("a close event closes the open conversation with reason closed at the event time", () => {
    const open = conversation({ lastActivityAt: T0 + 5 * MIN });
    const result = stepConversation(open, close(T0 + 7 * MIN), T30);
    expect(result.open).toBeNull();
    expect(result.outcome).toEqual({ kind: "close", closedPrevious: { reason: "closed", at: T0 + 7 * MIN } });
  });

  it("a close event exactly at the timeout still closes as closed, not timeout", () => {
    const result = stepConversation(conversation(), close(T0 + T30), T30);
    expect(result.outcome).toEqual({ kind: "close", closedPrevious: { reason: "closed", at: T0 + T30 } });
  });

  it("a close event stamped before the last activity closes at the last activity", () => {
    const open = conversation({ lastActivityAt: T0 + 5 * MIN });
    const result = stepConversation(open, close(T0), T30);
    expect(result.outcome).toEqual({ kind: "close", closedPrevious: { reason: "closed", at: T0 + 5 * MIN } });
  });

  it("a close event with no open conversation does nothing", () => {
    const result = stepConversation(null, close(T0), T30);
    expect(result.open).toBeNull();
    expect(result.outcome).toEqual({ kind: "close", closedPrevious: null });
  });

  it("a close event on an expired conversation closes it as timeout at last+timeout", () => {
    const open = frozen(conversation({ lastActivityAt: T0 + MIN }));
    const result = stepConversation(open, close(T0 + 3 * 60 * MIN), T30);
    expect(result.open).toBeNull();
    expect(result.outcome).toEqual({ kind: "close", closedPrevious: { reason: "timeout", at: T0 + MIN + T30 } });
  });

  it("the next message after a close starts a new conversation without closing anything", () => {
    const { open, outcomes } = run([user(T0), close(T0 + MIN), user(T0 + 2 * MIN)]);
    expect(outcomes[2]).toEqual({ kind: "message", closedPrevious: null, attachedTo: "new", becameAnswered: false });
    expect(open).toMatchObject({ startedAt: T0 + 2 * MIN, userMessageCount: 1 });
  });

  it("two close events in a row: the second finds nothing to close", () => {
    const { outcomes } = run([user(T0), close(T0 + MIN), close(T0 + 2 * MIN)]);
    expect(outcomes[1]).toMatchObject({ closedPrevious: { reason: "closed" } });
    expect(outcomes[2]).toEqual({ kind: "close", closedPrevious: null });
  });

  it("the role and topic fields of a close event are ignored", () => {
    const open = conversation({ topic: "billing" });
    const result = stepConversation(open, { type: "close", role: "user", topic: "other", at: T0 + MIN }, T30);
    expect(result.open).toBeNull();
    expect(result.outcome).toEqual({ kind: "close", closedPrevious: { reason: "closed", at: T0 + MIN } });
  });
});
