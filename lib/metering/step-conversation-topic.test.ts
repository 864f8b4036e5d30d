import { describe, expect, it } from "vitest";
import { stepConversation } from "./step-conversation";
import { MIN, T0, T30, assistant, conversation, run, user } from "./test-fixtures";

describe("stepConversation: topics", () => {
  it("no topic on either side continues and stays untopiced", () => {
    const { open, outcome } = stepConversation(conversation({ topic: null }), user(T0 + MIN), T30);
    expect(outcome).toMatchObject({ attachedTo: "existing", closedPrevious: null });
    expect(open?.topic).toBeNull();
  });

  it("an untopiced conversation takes the topic of the first message that has one", () => {
    const { open, outcome } = stepConversation(conversation({ topic: null }), user(T0 + MIN, "refunds"), T30);
    expect(outcome).toMatchObject({ attachedTo: "existing" });
    expect(open?.topic).toBe("refunds");
  });

  it("an untopiced message continues a topiced conversation and keeps its topic", () => {
    const { open, outcome } = stepConversation(conversation({ topic: "refunds" }), user(T0 + MIN), T30);
    expect(outcome).toMatchObject({ attachedTo: "existing" });
    expect(open?.topic).toBe("refunds");
  });

  it("an equal topic continues", () => {
    const { outcome } = stepConversation(conversation({ topic: "refunds" }), user(T0 + MIN, "refunds"), T30);
    expect(outcome).toMatchObject({ attachedTo: "existing", closedPrevious: null });
  });

  it("a different topic closes as topic_change at the event time and starts a new one with that topic", () => {
    const open = conversation({ topic: "refunds", lastActivityAt: T0 + MIN });
    const result = stepConversation(open, user(T0 + 4 * MIN, "shipping"), T30);
    expect(result.outcome).toEqual({
      kind: "message", attachedTo: "new", becameAnswered: false,
      closedPrevious: { reason: "topic_change", at: T0 + 4 * MIN },
    });
    expect(result.open).toMatchObject({ topic: "shipping", startedAt: T0 + 4 * MIN, userMessageCount: 1 });
  });

  it("topics are compared exactly (case matters)", () => {
    const { outcome } = stepConversation(conversation({ topic: "Refunds" }), user(T0 + MIN, "refunds"), T30);
    expect(outcome).toMatchObject({ closedPrevious: { reason: "topic_change" } });
  });

  it("an assistant message with a different topic also starts a new conversation, which is not answered", () => {
    const open = conversation({ topic: "refunds", userMessageCount: 2 });
    const result = stepConversation(open, assistant(T0 + MIN, "shipping"), T30);
    expect(result.outcome).toEqual({
      kind: "message", attachedTo: "new", becameAnswered: false,
      closedPrevious: { reason: "topic_change", at: T0 + MIN },
    });
    expect(result.open).toMatchObject({ topic: "shipping", userMessageCount: 0, assistantMessageCount: 1, answered: false });
  });

  it("a topic change with an earlier timestamp closes at the last activity, never before it", () => {
    const open = conversation({ topic: "refunds", lastActivityAt: T0 + 10 * MIN });
    const { outcome } = stepConversation(open, user(T0, "shipping"), T30);
    expect(outcome).toMatchObject({ closedPrevious: { reason: "topic_change", at: T0 + 10 * MIN } });
  });

  it("after expiry, a different topic reports timeout (expiry is checked first)", () => {
    const open = conversation({ topic: "refunds" });
    const { outcome } = stepConversation(open, user(T0 + T30 + 1_000, "shipping"), T30);
    expect(outcome).toMatchObject({ closedPrevious: { reason: "timeout", at: T0 + T30 } });
  });

  it("a topic taken mid-conversation is then enforced against later messages", () => {
    const { outcomes, open } = run([user(T0), user(T0 + MIN, "a"), user(T0 + 2 * MIN), user(T0 + 3 * MIN, "b")]);
    expect(outcomes.map((o) => o.kind === "message" && o.attachedTo)).toEqual(["new", "existing", "existing", "new"]);
    expect(open?.topic).toBe("b");
  });
});
