import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseEventBatch } from "@/lib/metering/parse-event-batch";

const RECEIVED = Date.UTC(2026, 10, 23, 10, 0, 0);

function event(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, endUserId: "user-1", role: "user", ...overrides };
}
function manyEvents(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => event(`evt-${i}`));
}

/** The AppError that parsing `body` throws; fails the test if it throws anything else or nothing. */
function appErrorFrom(body: unknown): AppError {
  try {
    parseEventBatch(body, RECEIVED);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected parseEventBatch to throw an AppError");
}

describe("parseEventBatch: accepted bodies", () => {
  it("a single event object is a batch of one", () => {
    expect(parseEventBatch(event("e1"), RECEIVED)).toEqual([
      { eventId: "e1", type: "message", role: "user", channel: "live", endUserId: "user-1", threadId: "", topic: null, at: RECEIVED, text: null },
    ]);
  });

  it("{ events: [...] } returns the events in order", () => {
    const parsed = parseEventBatch({ events: [event("e1"), event("e2", { role: "assistant" }), event("e3", { type: "close", role: undefined })] }, RECEIVED);
    expect(parsed.map((e) => [e.eventId, e.type, e.role])).toEqual([["e1", "message", "user"], ["e2", "message", "assistant"], ["e3", "close", null]]);
  });

  it("accepts a batch of exactly 1,000 events", () => {
    expect(parseEventBatch({ events: manyEvents(1000) }, RECEIVED)).toHaveLength(1000);
  });

  it("uses the receive time for events without a timestamp", () => {
    expect(parseEventBatch({ events: [event("e1")] }, RECEIVED)[0]?.at).toBe(RECEIVED);
  });
});

describe("parseEventBatch: refused bodies", () => {
  it.each([["a string", "nope"], ["null", null], ["an object", { 0: event("e1") }], ["a number", 3]])("`events` as %s is validation_failed", (_label, events) => {
    const error = appErrorFrom({ events });
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("`events` must be an array.");
    expect(error.issues).toEqual([{ index: 0, field: "events", message: "must be an array" }]);
  });

  it("1,001 events is payload_too_large, stating the limit and the size", () => {
    const error = appErrorFrom({ events: manyEvents(1001) });
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toBe("A batch holds at most 1000 events; this one has 1001.");
  });

  it("an oversized batch is refused for its size before its events are validated", () => {
    expect(appErrorFrom({ events: Array.from({ length: 1001 }, () => ({})) }).code).toBe("payload_too_large");
  });

  it("an empty events array is validation_failed", () => {
    const error = appErrorFrom({ events: [] });
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("`events` is empty.");
    expect(error.issues).toEqual([{ index: 0, field: "events", message: "must hold at least one event" }]);
  });

  it("invalid events are validation_failed, counting the invalid events and listing every issue", () => {
    const error = appErrorFrom({ events: [event("ok"), event("", { endUserId: "" }), event("ok-2"), event("bad", { role: "bot" })] });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("2 events are invalid; nothing was stored.");
    expect(error.issues?.map(({ index, field }) => ({ index, field }))).toEqual([
      { index: 1, field: "id" },
      { index: 1, field: "endUserId" },
      { index: 3, field: "role" },
    ]);
  });

  it("one invalid event with several issues is counted once, in the singular", () => {
    const error = appErrorFrom({ events: [event("", { endUserId: "" })] });
    expect(error.message).toBe("1 event is invalid; nothing was stored.");
    expect(error.issues).toHaveLength(2);
  });

  it("an invalid single event (no wrapper) is reported at index 0", () => {
    const error = appErrorFrom({ id: "e1", endUserId: "u1" });
    expect(error.code).toBe("validation_failed");
    expect(error.issues).toEqual([{ index: 0, field: "role", message: "role is required for a message." }]);
  });

  it("a bare JSON array is not a batch: it is refused as one event that is not an object", () => {
    const error = appErrorFrom([event("e1")]);
    expect(error.code).toBe("validation_failed");
    expect(error.issues).toEqual([{ index: 0, field: "(event)", message: "Each event must be a JSON object." }]);
  });

  it("a null body is refused as validation_failed", () => {
    expect(appErrorFrom(null).code).toBe("validation_failed");
  });
});
