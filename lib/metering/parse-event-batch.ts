import { AppError } from "@/lib/errors";
import { EVENT_LIMITS, validateEvents, type ValidEvent } from "@/lib/metering/schemas";

/**
 * The body of POST /api/v1/events: one event, or `{ "events": [...] }` of 1 to 1,000 events.
 * The batch is valid as a whole or refused as a whole, listing every problem.
 */
export function parseEventBatch(body: unknown, receivedAt: number): ValidEvent[] {
  const isBatch = typeof body === "object" && body !== null && !Array.isArray(body) && "events" in body;
  const raw = isBatch ? body.events : [body];
  if (!Array.isArray(raw)) {
    throw new AppError({ code: "validation_failed", message: "`events` must be an array.", issues: [{ index: 0, field: "events", message: "must be an array" }] });
  }
  if (raw.length > EVENT_LIMITS.maxEventsPerBatch) {
    throw new AppError({ code: "payload_too_large", message: `A batch holds at most ${EVENT_LIMITS.maxEventsPerBatch} events; this one has ${raw.length}.` });
  }
  if (raw.length === 0) {
    throw new AppError({ code: "validation_failed", message: "`events` is empty.", issues: [{ index: 0, field: "events", message: "must hold at least one event" }] });
  }
  const validated = validateEvents(raw, receivedAt);
  if (!validated.ok) {
    const count = new Set(validated.issues.map((issue) => issue.index)).size;
    throw new AppError({
      code: "validation_failed",
      message: `${count} event${count === 1 ? " is" : "s are"} invalid; nothing was stored.`,
      issues: validated.issues,
    });
  }
  return validated.events;
}
