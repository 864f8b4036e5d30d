import { describe, expect, it } from "vitest";
import { checkEngineAgainstModel } from "../support/metering-property";
import { modelStatus, referenceModel, type ModelEvent } from "../support/reference-model";

const MINUTE = 60_000;
const TIMEOUT = 30 * MINUTE;

function message(id: string, role: "user" | "assistant" | "system", at: number, extra: Partial<ModelEvent> = {}): ModelEvent {
  return { id, type: "message", role, channel: "live", endUserId: "u", at, ...extra };
}

describe("the reference model states the README's rules", () => {
  it("continues at exactly the timeout and starts anew one second later", () => {
    const { conversations } = referenceModel([message("a", "user", 0), message("b", "assistant", TIMEOUT), message("c", "user", 2 * TIMEOUT + 1_000)], TIMEOUT);
    expect(conversations.map((c) => [c.userMessages + c.assistantMessages, c.billable, c.endedBy])).toEqual([
      [2, true, "timeout"],
      [1, false, null],
    ]);
  });

  it("charges once, at the first answer to a customer, on the live channel only", () => {
    const { outcomes } = referenceModel(
      [message("hi", "assistant", 0), message("q", "user", 1), message("a", "assistant", 2), message("a2", "assistant", 3), message("tq", "user", 0, { channel: "test" }), message("ta", "assistant", 1, { channel: "test" })],
      TIMEOUT,
    );
    expect([...outcomes].filter(([, outcome]) => outcome.charged).map(([id]) => id)).toEqual(["a"]);
  });

  it("ends on close and topic change; system messages never open or extend; ids count once", () => {
    const { conversations, outcomes } = referenceModel(
      [
        message("s0", "system", 0),
        message("q", "user", 1, { topic: "billing" }),
        message("s1", "system", 2),
        message("q", "user", 3),
        message("q2", "user", 4, { topic: "shipping" }),
        { id: "end", type: "close", channel: "live", endUserId: "u", at: 5 },
        message("q3", "user", 6, { threadId: "other" }),
      ],
      TIMEOUT,
    );
    expect(outcomes.get("s0")?.conversation).toBeNull();
    expect(conversations.map((c) => [c.topic, c.endedBy, c.userMessages, c.systemMessages, c.lastActivityAt])).toEqual([
      ["billing", "topic_change", 1, 1, 1],
      ["shipping", "closed", 1, 0, 4],
      [null, null, 1, 0, 6],
    ]);
    const [, , third] = conversations;
    expect(third && modelStatus(third, 6 + TIMEOUT + 1, TIMEOUT)).toEqual({ status: "cancelled", closeReason: "timeout" });
  });
});

describe("the metering engine, through the API and PostgreSQL, against the reference model", () => {
  it("agrees on every event, conversation and charge of about 1,300 random streams, sent concurrently with retries", async () => {
    await checkEngineAgainstModel({ defaultRuns: 50, maxStreamsPerRun: 60 });
  }, 600_000);
});
