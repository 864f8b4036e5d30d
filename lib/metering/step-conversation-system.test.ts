import { describe, expect, it } from "vitest";
import { stepConversation } from "./step-conversation";
import { MIN, T0, T30, assistant, conversation, frozen, run, system, user } from "./test-fixtures";

describe("stepConversation: system messages", () => {
  it("with no open conversation, a system message is recorded on none and opens nothing", () => {
    const result = stepConversation(null, system(T0, "billing"), T30);
    expect(result.open).toBeNull();
    expect(result.outcome).toEqual({ kind: "message", closedPrevious: null, attachedTo: "none", becameAnswered: false });
  });

  it("on an open conversation, it is counted but does not extend lastActivityAt", () => {
    const open = conversation({ lastActivityAt: T0 + MIN });
    const result = stepConversation(open, system(T0 + 20 * MIN), T30);
    expect(result.outcome).toEqual({ kind: "message", closedPrevious: null, attachedTo: "existing", becameAnswered: false });
    expect(result.open).toEqual({ ...open, systemMessageCount: 1 });
  });

  it("does not take a topic for an untopiced conversation", () => {
    const result = stepConversation(conversation({ topic: null }), system(T0 + MIN, "billing"), T30);
    expect(result.open?.topic).toBeNull();
  });

  it("with a different topic, it neither closes nor changes the conversation's topic", () => {
    const result = stepConversation(conversation({ topic: "refunds" }), system(T0 + MIN, "billing"), T30);
    expect(result.outcome).toMatchObject({ attachedTo: "existing", closedPrevious: null });
    expect(result.open?.topic).toBe("refunds");
  });

  it("on an expired conversation, closes it as timeout and is recorded on none", () => {
    const open = frozen(conversation({ lastActivityAt: T0 + MIN }));
    const result = stepConversation(open, system(T0 + 2 * 60 * MIN), T30);
    expect(result.open).toBeNull();
    expect(result.outcome).toEqual({
      kind: "message", attachedTo: "none", becameAnswered: false,
      closedPrevious: { reason: "timeout", at: T0 + MIN + T30 },
    });
  });

  it("does not keep a conversation alive: a later user message measures the gap from the last user/assistant message", () => {
    const { outcomes } = run([user(T0), system(T0 + 25 * MIN), system(T0 + 29 * MIN), user(T0 + 40 * MIN)]);
    expect(outcomes[3]).toMatchObject({ attachedTo: "new", closedPrevious: { reason: "timeout", at: T0 + T30 } });
  });

  it("between a user and an assistant message, it does not stop the assistant message from answering", () => {
    const { outcomes, open } = run([user(T0), system(T0 + MIN), assistant(T0 + 2 * MIN)]);
    expect(outcomes[2]).toMatchObject({ attachedTo: "existing", becameAnswered: true });
    expect(open).toMatchObject({ userMessageCount: 1, assistantMessageCount: 1, systemMessageCount: 1, answered: true });
  });

  it("only system messages never create a conversation", () => {
    const { open, outcomes } = run([system(T0), system(T0 + MIN), system(T0 + 2 * 60 * MIN)]);
    expect(open).toBeNull();
    expect(outcomes.every((o) => o.kind === "message" && o.attachedTo === "none")).toBe(true);
  });
});
