import { isExpired } from "./step-conversation";
import type { ConversationStatus } from "./types";

/**
 * Status is computed at read time rather than stored, because a conversation
 * can time out with no event ever arriving to close it; a stored "open" would go stale.
 */
export function deriveStatus(
  c: { closedAt: number | null; lastActivityAt: number; answered: boolean },
  now: number,
  timeoutMs: number,
): ConversationStatus {
  if (c.closedAt !== null || isExpired(c.lastActivityAt, now, timeoutMs)) {
    return c.answered ? "closed" : "cancelled";
  }
  return "open";
}
