import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

export const EVENT_LIMITS = {
  maxEventsPerBatch: 1_000,
  maxBodyBytes: 1_000_000,
  maxIdLength: 128,
  maxEndUserIdLength: 256,
  maxThreadIdLength: 256,
  maxTopicLength: 256,
  maxTextLength: 4_000,
  maxFutureSkewMs: 5 * 60_000,
  maxAgeMs: 35 * 24 * 60 * 60_000,
} as const;

// PostgreSQL text cannot hold NUL; refusing it here turns a would-be 500 into a clear 422.
const safeText = (max: number, label: string, min = 0) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be a string.`) })
    .min(min, `${label} must not be empty.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((value) => !value.includes("\u0000"), `${label} must not contain NUL characters.`);

const requiredText = (max: number, label: string) => safeText(max, label, 1);

/** An end user's id as events carry it (also the path parameter of the erasure endpoint). */
export const endUserIdSchema = requiredText(EVENT_LIMITS.maxEndUserIdLength, "endUserId");

export const eventSchema = z
  .strictObject(
    {
      id: requiredText(EVENT_LIMITS.maxIdLength, "id"),
      type: z.enum(["message", "close"], { message: 'type must be "message" or "close".' }).default("message"),
      endUserId: endUserIdSchema,
      threadId: safeText(EVENT_LIMITS.maxThreadIdLength, "threadId").optional(),
      role: z.enum(["user", "assistant", "system"], { message: 'role must be "user", "assistant" or "system".' }).optional(),
      channel: z.enum(["live", "test", "preview"], { message: 'channel must be "live", "test" or "preview".' }).default("live"),
      topic: requiredText(EVENT_LIMITS.maxTopicLength, "topic").optional(),
      timestamp: z.iso.datetime({ offset: true, message: "timestamp must be an ISO 8601 date-time, such as 2026-11-23T10:15:00Z." }).optional(),
      text: safeText(EVENT_LIMITS.maxTextLength, "text").optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.` : "Each event must be a JSON object.",
    },
  );

export type EventInput = z.output<typeof eventSchema>;

/** A validated event, with its timestamp resolved to epoch milliseconds. */
export interface ValidEvent {
  eventId: string;
  type: "message" | "close";
  role: "user" | "assistant" | "system" | null;
  channel: "live" | "test" | "preview";
  endUserId: string;
  threadId: string;
  topic: string | null;
  at: number;
  text: string | null;
}

/**
 * Validates a whole batch: every problem of every event, or the events ready to ingest.
 * `receivedAt` anchors the accepted timestamp window (5 minutes ahead, 35 days back).
 */
export function validateEvents(raw: unknown[], receivedAt: number): { ok: true; events: ValidEvent[] } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const events: ValidEvent[] = [];
  raw.forEach((item, index) => {
    const parsed = eventSchema.safeParse(item);
    const fieldIssues = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: fieldOf(issue), message: issue.message }));
    // Checks across fields run on the raw values too, so one response lists every problem.
    for (const issue of crossFieldIssues(item, receivedAt)) {
      if (!fieldIssues.some((existing) => existing.field === issue.field)) fieldIssues.push(issue);
    }
    issues.push(...fieldIssues.map((issue) => ({ index, ...issue })));
    if (!parsed.success || fieldIssues.length) return;
    const event = parsed.data;
    const at = event.timestamp ? Date.parse(event.timestamp) : receivedAt;
    events.push({
      eventId: event.id,
      type: event.type,
      role: event.role ?? null,
      channel: event.channel,
      endUserId: event.endUserId,
      threadId: event.threadId ?? "",
      topic: event.topic ?? null,
      at,
      text: event.text ?? null,
    });
  });
  return issues.length ? { ok: false, issues } : { ok: true, events };
}

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return issue.keys.join(", ");
  return issue.path.join(".") || "(event)";
}

function crossFieldIssues(item: unknown, receivedAt: number): { field: string; message: string }[] {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return [];
  const { type, role, timestamp } = item as Record<string, unknown>;
  const issues: { field: string; message: string }[] = [];
  if ((type === undefined || type === "message") && role === undefined) issues.push({ field: "role", message: "role is required for a message." });
  if (type === "close" && role !== undefined) issues.push({ field: "role", message: "role is only for messages." });
  const at = typeof timestamp === "string" ? Date.parse(timestamp) : NaN;
  if (at > receivedAt + EVENT_LIMITS.maxFutureSkewMs) issues.push({ field: "timestamp", message: "timestamp is more than 5 minutes in the future." });
  if (at < receivedAt - EVENT_LIMITS.maxAgeMs) issues.push({ field: "timestamp", message: "timestamp is more than 35 days old." });
  return issues;
}
