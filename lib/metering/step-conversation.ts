import type {
  Channel,
  ClosedByEvent,
  KeyEvent,
  MessageRole,
  OpenConversation,
  StepOutcome,
  StepResult,
} from "./types";

/**
 * Strictly greater than: the spec says a gap "at most the timeout" continues,
 * so a gap of exactly timeoutMs is still the same conversation. A timestamp
 * before lastActivityAt gives a negative gap, which behaves as a zero gap.
 */
export function isExpired(lastActivityAt: number, now: number, timeoutMs: number): boolean {
  return now - lastActivityAt > timeoutMs;
}

/** Test and preview traffic is recorded but must never cost the customer a credit. */
export function isChargeableChannel(channel: Channel): boolean {
  return channel === "live";
}

// Bad numbers would not crash later; they would silently corrupt billing
// (NaN compares false everywhere, so everything "continues"). Fail loudly.
function assertValidInput(event: KeyEvent, timeoutMs: number): void {
  if (!(timeoutMs >= 0)) {
    throw new RangeError(`timeoutMs must be a non-negative number, got ${timeoutMs}`);
  }
  if (!Number.isFinite(event.at)) {
    throw new RangeError(`event.at must be a finite epoch-ms number, got ${event.at}`);
  }
}

// An expired conversation really ended when its timeout ran out, not when the
// next event happened to arrive, so that is the close time we report.
function closedByTimeout(open: OpenConversation, timeoutMs: number): ClosedByEvent {
  return { reason: "timeout", at: open.lastActivityAt + timeoutMs };
}

// max() so a late-stamped event can never close a conversation before its own last activity.
function closedExplicitly(
  open: OpenConversation,
  reason: "closed" | "topic_change",
  at: number,
): ClosedByEvent {
  return { reason, at: Math.max(at, open.lastActivityAt) };
}

function messageOutcome(
  closedPrevious: ClosedByEvent | null,
  attachedTo: "existing" | "new" | "none",
  becameAnswered: boolean,
): StepOutcome {
  return { kind: "message", closedPrevious, attachedTo, becameAnswered };
}

// Only a conflict when both sides carry a topic: an untopiced message fits any
// conversation, and an untopiced conversation adopts the first topic it sees.
function topicConflicts(current: string | null, incoming: string | null): boolean {
  return current !== null && incoming !== null && current !== incoming;
}

function startConversation(role: "user" | "assistant", event: KeyEvent): OpenConversation {
  return {
    startedAt: event.at,
    lastActivityAt: event.at,
    topic: event.topic,
    userMessageCount: role === "user" ? 1 : 0,
    assistantMessageCount: role === "assistant" ? 1 : 0,
    systemMessageCount: 0,
    // A conversation's first message can never be the answer to an earlier question in it.
    answered: false,
  };
}

function continueConversation(
  open: OpenConversation,
  role: "user" | "assistant",
  event: KeyEvent,
): StepResult {
  const becameAnswered = role === "assistant" && !open.answered && open.userMessageCount > 0;
  const next: OpenConversation = {
    startedAt: open.startedAt,
    lastActivityAt: Math.max(open.lastActivityAt, event.at),
    topic: open.topic ?? event.topic,
    userMessageCount: open.userMessageCount + (role === "user" ? 1 : 0),
    assistantMessageCount: open.assistantMessageCount + (role === "assistant" ? 1 : 0),
    systemMessageCount: open.systemMessageCount,
    answered: open.answered || becameAnswered,
  };
  return { open: next, outcome: messageOutcome(null, "existing", becameAnswered) };
}

function requireRole(event: KeyEvent): MessageRole {
  if (event.role === null) throw new TypeError("a message event must have a role");
  return event.role;
}

/**
 * Applies one event of one key to that key's open conversation. Pure: never
 * mutates `open`, never reads the clock; the caller passes the timeout in
 * force for this event, so a workspace timeout change applies from here on.
 */
export function stepConversation(
  open: OpenConversation | null,
  event: KeyEvent,
  timeoutMs: number,
): StepResult {
  assertValidInput(event, timeoutMs);
  const expired = open !== null && isExpired(open.lastActivityAt, event.at, timeoutMs);
  // The conversation an event may join; an expired one is ended by any event.
  const live = expired ? null : open;
  const expiredClose = open !== null && expired ? closedByTimeout(open, timeoutMs) : null;

  if (event.type === "close") {
    const closedPrevious = live !== null ? closedExplicitly(live, "closed", event.at) : expiredClose;
    return { open: null, outcome: { kind: "close", closedPrevious } };
  }

  const role = requireRole(event);
  if (role === "system") {
    // System messages are bookkeeping only: no topic, no activity, no billing.
    if (live === null) return { open: null, outcome: messageOutcome(expiredClose, "none", false) };
    const next: OpenConversation = { ...live, systemMessageCount: live.systemMessageCount + 1 };
    return { open: next, outcome: messageOutcome(null, "existing", false) };
  }

  if (live !== null && !topicConflicts(live.topic, event.topic)) {
    return continueConversation(live, role, event);
  }
  const closedPrevious =
    live !== null ? closedExplicitly(live, "topic_change", event.at) : expiredClose;
  return { open: startConversation(role, event), outcome: messageOutcome(closedPrevious, "new", false) };
}
