// Shared builders for the metering tests (not part of the public API).
import { stepConversation } from "./step-conversation";
import type { KeyEvent, OpenConversation, StepOutcome } from "./types";

export const SEC = 1_000;
export const MIN = 60 * SEC;
export const T30 = 30 * MIN;
/** Arbitrary fixed origin so tests never depend on the real clock. */
export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

export function user(at: number, topic: string | null = null): KeyEvent {
  return { type: "message", role: "user", topic, at };
}
export function assistant(at: number, topic: string | null = null): KeyEvent {
  return { type: "message", role: "assistant", topic, at };
}
export function system(at: number, topic: string | null = null): KeyEvent {
  return { type: "message", role: "system", topic, at };
}
export function close(at: number): KeyEvent {
  return { type: "close", role: null, topic: null, at };
}

export function conversation(overrides: Partial<OpenConversation> = {}): OpenConversation {
  return {
    startedAt: T0,
    lastActivityAt: T0,
    topic: null,
    userMessageCount: 1,
    assistantMessageCount: 0,
    systemMessageCount: 0,
    answered: false,
    ...overrides,
  };
}

/** Folds events through stepConversation the way the ingest path does for one key. */
export function run(
  events: readonly KeyEvent[],
  timeoutMs: number = T30,
  start: OpenConversation | null = null,
): { open: OpenConversation | null; outcomes: StepOutcome[] } {
  let open = start;
  const outcomes: StepOutcome[] = [];
  for (const event of events) {
    const result = stepConversation(open, event, timeoutMs);
    open = result.open;
    outcomes.push(result.outcome);
  }
  return { open, outcomes };
}

/** OpenConversation is flat, so a shallow freeze is enough to make any mutation throw. */
export function frozen(c: OpenConversation): Readonly<OpenConversation> {
  return Object.freeze({ ...c });
}
