import { describe, expect, it } from "vitest";
import type { FieldIssue } from "@/lib/errors";
import { EVENT_LIMITS, validateEvents, type ValidEvent } from "@/lib/metering/schemas";

const SEC = 1_000;
/** When the batch arrived: 2026-11-23T10:00:00Z. */
const RECEIVED = Date.UTC(2026, 10, 23, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: "evt-1", endUserId: "user-1", role: "user", ...overrides };
}

function accepted(raw: unknown[]): ValidEvent[] {
  const result = validateEvents(raw, RECEIVED);
  if (!result.ok) throw new Error(`expected the batch to be valid, got ${JSON.stringify(result.issues)}`);
  return result.events;
}
function refused(raw: unknown[]): FieldIssue[] {
  const result = validateEvents(raw, RECEIVED);
  if (result.ok) throw new Error("expected the batch to be refused");
  return result.issues;
}
const acceptedOne = (overrides: Record<string, unknown>) => accepted([event(overrides)])[0];
const fieldsOf = (issues: FieldIssue[]) => issues.map((issue) => issue.field);

describe("validateEvents: defaults", () => {
  it("fills in type message, channel live, an empty thread, no topic/text, and the receive time", () => {
    expect(accepted([{ id: "e1", endUserId: "u1", role: "assistant" }])).toEqual([
      { eventId: "e1", type: "message", role: "assistant", channel: "live", endUserId: "u1", threadId: "", topic: null, at: RECEIVED, text: null },
    ]);
  });

  it("keeps every field it was given", () => {
    const given = { id: "e1", type: "message", role: "user", channel: "preview", endUserId: "u1", threadId: "t1", topic: "billing", timestamp: "2026-11-23T09:59:00Z", text: "hi" };
    expect(accepted([given])).toEqual([
      { eventId: "e1", type: "message", role: "user", channel: "preview", endUserId: "u1", threadId: "t1", topic: "billing", at: RECEIVED - 60 * SEC, text: "hi" },
    ]);
  });

  it("accepts a close event without a role and reports its role as null", () => {
    expect(accepted([{ id: "c1", type: "close", endUserId: "u1" }])[0]).toMatchObject({ type: "close", role: null });
  });
});

describe("validateEvents: length limits at the boundary", () => {
  const cases = [
    { field: "id", max: EVENT_LIMITS.maxIdLength, expected: 128 },
    { field: "endUserId", max: EVENT_LIMITS.maxEndUserIdLength, expected: 256 },
    { field: "threadId", max: EVENT_LIMITS.maxThreadIdLength, expected: 256 },
    { field: "topic", max: EVENT_LIMITS.maxTopicLength, expected: 256 },
    { field: "text", max: EVENT_LIMITS.maxTextLength, expected: 4000 },
  ];

  it.each(cases)("$field: $expected characters is accepted, one more is refused", ({ field, max, expected }) => {
    expect(max).toBe(expected);
    expect(accepted([event({ [field]: "x".repeat(max) })])).toHaveLength(1);
    expect(refused([event({ [field]: "x".repeat(max + 1) })])).toEqual([{ index: 0, field, message: `${field} must be at most ${max} characters.` }]);
  });

  it.each(["id", "endUserId", "topic"])("%s must not be an empty string", (field) => {
    expect(refused([event({ [field]: "" })])).toEqual([{ index: 0, field, message: `${field} must not be empty.` }]);
  });

  it("threadId and text may be empty strings", () => {
    expect(acceptedOne({ threadId: "", text: "" })).toMatchObject({ threadId: "", text: "" });
  });

  it.each(["id", "endUserId", "threadId", "topic", "text"])("%s must not contain a NUL character", (field) => {
    expect(refused([event({ [field]: "a\u0000b" })])).toEqual([{ index: 0, field, message: `${field} must not contain NUL characters.` }]);
  });

  it("a missing id or endUserId is reported as required", () => {
    expect(refused([{ role: "user" }])).toEqual([
      { index: 0, field: "id", message: "id is required." },
      { index: 0, field: "endUserId", message: "endUserId is required." },
    ]);
  });

  it("a non-string id is reported as the wrong type", () => {
    expect(refused([event({ id: 42 })])).toEqual([{ index: 0, field: "id", message: "id must be a string." }]);
  });
});

describe("validateEvents: shape and roles", () => {
  it("refuses an event that is not a JSON object", () => {
    expect(refused(["hello", null, [event()]])).toEqual([0, 1, 2].map((index) => ({ index, field: "(event)", message: "Each event must be a JSON object." })));
  });

  it("refuses an unknown field", () => {
    expect(refused([event({ userId: "u1" })])).toHaveLength(1);
  });
  // (the strictObject's error message overrides zod's unrecognized-keys message), so the client is told its
  // object is not an object and is never told which field to remove.
  it("names the unknown field it refuses", () => {
    const [issue] = refused([event({ userId: "u1" })]);
    expect(`${issue?.field} ${issue?.message}`).toContain("userId");
  });

  it("a message needs a role", () => {
    expect(refused([{ id: "e1", endUserId: "u1" }])).toEqual([{ index: 0, field: "role", message: "role is required for a message." }]);
  });

  it("a close event must not carry a role", () => {
    expect(refused([{ id: "c1", type: "close", endUserId: "u1", role: "user" }])).toEqual([{ index: 0, field: "role", message: "role is only for messages." }]);
  });

  it("refuses unknown type, role and channel values", () => {
    expect(fieldsOf(refused([event({ type: "typing", role: "bot", channel: "staging" })]))).toEqual(["type", "role", "channel"]);
  });
});

describe("validateEvents: timestamps", () => {
  it("accepts exactly 5 minutes ahead and refuses 5 minutes and 1 second ahead", () => {
    expect(acceptedOne({ timestamp: iso(RECEIVED + 5 * 60 * SEC) })?.at).toBe(RECEIVED + 5 * 60 * SEC);
    expect(refused([event({ timestamp: iso(RECEIVED + 5 * 60 * SEC + SEC) })])).toEqual([
      { index: 0, field: "timestamp", message: "timestamp is more than 5 minutes in the future." },
    ]);
  });

  it("accepts exactly 35 days old and refuses 35 days and 1 second old", () => {
    const days35 = 35 * 24 * 60 * 60 * SEC;
    expect(acceptedOne({ timestamp: iso(RECEIVED - days35) })?.at).toBe(RECEIVED - days35);
    expect(refused([event({ timestamp: iso(RECEIVED - days35 - SEC) })])).toEqual([
      { index: 0, field: "timestamp", message: "timestamp is more than 35 days old." },
    ]);
  });

  it.each([
    ["2026-11-23T10:00:00+01:00", Date.UTC(2026, 10, 23, 9)],
    ["2026-11-23T04:30:00-05:30", Date.UTC(2026, 10, 23, 10)],
    ["2026-11-23T09:58:00.250Z", Date.UTC(2026, 10, 23, 9, 58, 0, 250)],
  ])("parses %s with its offset to the right instant", (timestamp, expected) => {
    expect(acceptedOne({ timestamp })?.at).toBe(expected);
  });

  it.each(["23/11/2026 10:00", "2026-11-23", "2026-11-23T10:00:00", "yesterday", "1763888400000"])("refuses the non-ISO timestamp %j", (timestamp) => {
    expect(refused([event({ timestamp })])).toEqual([
      { index: 0, field: "timestamp", message: "timestamp must be an ISO 8601 date-time, such as 2026-11-23T10:15:00Z." },
    ]);
  });

  it("refuses a numeric timestamp", () => {
    expect(fieldsOf(refused([event({ timestamp: RECEIVED })]))).toEqual(["timestamp"]);
  });
});

describe("validateEvents: whole-batch reporting", () => {
  it("reports every issue of every invalid event with its index, and refuses the batch even though some events are valid", () => {
    const issues = refused([
      event({ id: "ok-1" }),
      event({ id: "", endUserId: "x".repeat(257) }),
      event({ id: "ok-2" }),
      event({ channel: "prod" }),
      event({ timestamp: iso(RECEIVED + 10 * 60 * SEC) }),
    ]);
    expect(issues.map(({ index, field }) => ({ index, field }))).toEqual([
      { index: 1, field: "id" },
      { index: 1, field: "endUserId" },
      { index: 3, field: "channel" },
      { index: 4, field: "timestamp" },
    ]);
  });

  it("reports both timestamp-window issues of separate events", () => {
    const issues = refused([event({ timestamp: iso(RECEIVED + 6 * 60 * SEC) }), event({ timestamp: iso(RECEIVED - 40 * 24 * 60 * 60 * SEC) })]);
    expect(issues.map(({ index, field }) => ({ index, field }))).toEqual([{ index: 0, field: "timestamp" }, { index: 1, field: "timestamp" }]);
  });

  it("an all-valid batch returns its events in order", () => {
    expect(accepted([event({ id: "a" }), event({ id: "b" }), event({ id: "c" })]).map((e) => e.eventId)).toEqual(["a", "b", "c"]);
  });
  // same event also lacks a required field (zod skips superRefine after a type issue), so the client learns
  // about the role only after fixing the id and resubmitting. The timestamp window is likewise skipped.
  it("reports a missing role alongside a missing id in the same event", () => {
    expect(fieldsOf(refused([{ endUserId: "u1" }]))).toEqual(["id", "role"]);
  });
});
