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

export const eventSchema = z
  .strictObject(
    {
      id: requiredText(EVENT_LIMITS.maxIdLength, "id"),
      type: z.enum(["message", "close"], { message: 'type must be "message" or "close".' }).default("message"),
      endUserId: requiredText(EVENT_LIMITS.maxEndUserIdLength, "endUserId"),
      threadId: safeText(EVENT_LIMITS.maxThreadIdLength, "threadId").optional(),
      role: z.enum(["user", "assistant", "system"], { message: 'role must be "user", "assistant" or "system".' }).optional(),
      channel: z.enum(["live", "test", "preview"], { message: 'channel must be "live", "test" or "preview".' }).default("live"),
      topic: requiredText(EVENT_LIMITS.maxTopicLength, "topic").optional(),
      timestamp: z.iso.datetime({ offset: true, message: "timestamp must be an ISO 8601 date-time, such as 2026-11-23T10:15:00Z." }).optional(),
      text: safeText(EVENT_LIMITS.maxTextLength, "text").optional(),
    },
    { message: "Each event must be a JSON object." },
  )
  .superRefine((event, context) => {
    if (event.type === "message" && !event.role) context.addIssue({ code: "custom", path: ["role"], message: "role is required for a message." });
    if (event.type === "close" && event.role) context.addIssue({ code: "custom", path: ["role"], message: "role is only for messages." });
  });

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
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ index, field: issue.path.join(".") || "(event)", message: issue.message });
      return;
    }
    const event = parsed.data;
    const at = event.timestamp ? Date.parse(event.timestamp) : receivedAt;
    if (at > receivedAt + EVENT_LIMITS.maxFutureSkewMs) issues.push({ index, field: "timestamp", message: "timestamp is more than 5 minutes in the future." });
    if (at < receivedAt - EVENT_LIMITS.maxAgeMs) issues.push({ index, field: "timestamp", message: "timestamp is more than 35 days old." });
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
