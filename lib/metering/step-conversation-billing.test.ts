import { describe, expect, it } from "vitest";
import { deriveStatus } from "./derive-status";
import { stepConversation } from "./step-conversation";
import { MIN, T0, T30, assistant, conversation, run, user } from "./test-fixtures";
import type { StepOutcome } from "./types";

function answeredAt(outcomes: readonly StepOutcome[]): number[] {
  return outcomes.flatMap((o, i) => (o.kind === "message" && o.becameAnswered ? [i] : []));
}

describe("stepConversation: when a conversation becomes answered (billable)", () => {
  it("user then assistant: answered at that assistant message", () => {
    const { outcomes, open } = run([user(T0), assistant(T0 + MIN)]);
    expect(answeredAt(outcomes)).toEqual([1]);
    expect(open?.answered).toBe(true);
  });

  it("a proactive greeting alone is not answered", () => {
    const { outcomes, open } = run([assistant(T0), assistant(T0 + MIN)]);
    expect(answeredAt(outcomes)).toEqual([]);
    expect(open).toMatchObject({ answered: false, userMessageCount: 0, assistantMessageCount: 2 });
  });

  it("greeting, then user, then assistant: answered at the assistant after the user, in the same conversation", () => {
    const { outcomes, open } = run([assistant(T0), user(T0 + MIN), assistant(T0 + 2 * MIN)]);
    expect(answeredAt(outcomes)).toEqual([2]);
    expect(outcomes.map((o) => o.kind === "message" && o.attachedTo)).toEqual(["new", "existing", "existing"]);
    expect(open).toMatchObject({ startedAt: T0, answered: true });
  });

  it("the user message need not be immediately before the answering assistant message", () => {
    const { outcomes } = run([user(T0), user(T0 + MIN), user(T0 + 2 * MIN), assistant(T0 + 3 * MIN)]);
    expect(answeredAt(outcomes)).toEqual([3]);
  });

  it("becameAnswered is reported exactly once per conversation", () => {
    const events = [user(T0), assistant(T0 + MIN), user(T0 + 2 * MIN), assistant(T0 + 3 * MIN), assistant(T0 + 4 * MIN)];
    const { outcomes, open } = run(events);
    expect(answeredAt(outcomes)).toEqual([1]);
    expect(open).toMatchObject({ answered: true, userMessageCount: 2, assistantMessageCount: 3 });
  });

  it("an already answered conversation stays answered and reports nothing new", () => {
    const open = conversation({ answered: true, userMessageCount: 1, assistantMessageCount: 1 });
    const result = stepConversation(open, assistant(T0 + MIN), T30);
    expect(result.outcome).toMatchObject({ becameAnswered: false });
    expect(result.open?.answered).toBe(true);
  });

  it("a user message from an earlier (timed-out) conversation does not make the next assistant an answer", () => {
    const { outcomes, open } = run([user(T0), assistant(T0 + T30 + 1_000)]);
    expect(answeredAt(outcomes)).toEqual([]);
    expect(open).toMatchObject({ answered: false, userMessageCount: 0 });
  });

  it("a user message before a topic change does not make the new conversation's assistant an answer", () => {
    const { outcomes } = run([user(T0, "a"), assistant(T0 + MIN, "b"), assistant(T0 + 2 * MIN, "b")]);
    expect(answeredAt(outcomes)).toEqual([]);
  });

  it("each new conversation can become answered once", () => {
    const events = [user(T0), assistant(T0 + MIN), user(T0 + 60 * MIN), assistant(T0 + 61 * MIN)];
    const { outcomes } = run(events);
    expect(answeredAt(outcomes)).toEqual([1, 3]);
  });

  it("a user message that is never answered and then times out reads as cancelled", () => {
    const { open } = run([user(T0), user(T0 + 5 * MIN)]);
    expect(open).not.toBeNull();
    if (open === null) return;
    const row = { closedAt: null, lastActivityAt: open.lastActivityAt, answered: open.answered };
    expect(deriveStatus(row, T0 + 5 * MIN + T30, T30)).toBe("open");
    expect(deriveStatus(row, T0 + 5 * MIN + T30 + 1_000, T30)).toBe("cancelled");
  });

  it("an answered conversation that times out reads as closed", () => {
    const { open } = run([user(T0), assistant(T0 + MIN)]);
    if (open === null) throw new Error("expected an open conversation");
    const row = { closedAt: null, lastActivityAt: open.lastActivityAt, answered: open.answered };
    expect(deriveStatus(row, T0 + MIN + T30 + 1_000, T30)).toBe("closed");
  });
});
