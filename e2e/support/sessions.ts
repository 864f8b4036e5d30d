import { randomBytes } from "node:crypto";

export interface GeneratedEvent {
  id: string;
  endUserId: string;
  role: "user" | "assistant";
  timestamp: string;
  text: string;
}

/**
 * Realistic traffic: `users` end users, each with one session of 1-4 questions, each answered a few
 * seconds later. Every session is exactly one billable conversation.
 */
export function generateSessions(users: number, options: { prefix?: string; startMs?: number } = {}): GeneratedEvent[] {
  const prefix = options.prefix ?? randomBytes(3).toString("hex");
  const start = options.startMs ?? Date.now() - 60 * 60_000;
  const events: GeneratedEvent[] = [];
  for (let user = 0; user < users; user++) {
    const questions = 1 + (user % 4);
    let at = start + user * 1_000;
    for (let q = 0; q < questions; q++) {
      for (const role of ["user", "assistant"] as const) {
        events.push({ id: `${prefix}-${user}-${q}-${role}`, endUserId: `${prefix}-user-${user}`, role, timestamp: new Date(at).toISOString(), text: `${role} ${q}` });
        at += 5_000;
      }
    }
  }
  return events;
}

/** Splits events into batches that keep each user's events in order across batches. */
export function inBatches<T>(events: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < events.length; i += size) batches.push(events.slice(i, i + size));
  return batches;
}
