import { isChargeableChannel, stepConversation } from "./step-conversation";
import type { OpenConversation, ReplayEvent, ReplayTotals } from "./types";

/**
 * Streams a month of real events through the exact ingest rules under a
 * different timeout, to answer "what would customers be billed if...".
 * One OpenConversation per key is the only state, so memory is bounded by the
 * number of keys, and each push is O(1).
 *
 * `cancelled` is every conversation that never got answered, including ones
 * still open at the end of the stream: a what-if over a finished period treats
 * them as they would read once they time out.
 */
export class ConversationReplay {
  private readonly timeoutMs: number;
  private readonly openByKey = new Map<string, OpenConversation>();
  private conversations = 0;
  private answered = 0;
  private chargeable = 0;

  constructor(timeoutMs: number) {
    // Validate once here so a bad timeout fails before any event, not on the first push.
    if (!(timeoutMs >= 0)) {
      throw new RangeError(`timeoutMs must be a non-negative number, got ${timeoutMs}`);
    }
    this.timeoutMs = timeoutMs;
  }

  push(event: ReplayEvent): void {
    const { open, outcome } = stepConversation(
      this.openByKey.get(event.key) ?? null,
      event,
      this.timeoutMs,
    );
    // Dropping closed keys keeps the map to keys with a possibly-open conversation.
    if (open === null) this.openByKey.delete(event.key);
    else this.openByKey.set(event.key, open);

    if (outcome.kind !== "message") return;
    if (outcome.attachedTo === "new") this.conversations += 1;
    if (outcome.becameAnswered) {
      this.answered += 1;
      if (isChargeableChannel(event.channel)) this.chargeable += 1;
    }
  }

  /**
   * Forgets a key whose events are over. A caller streaming events grouped by key calls it when the
   * key changes, so memory stays flat however many keys the stream holds; totals are unaffected.
   */
  endKey(key: string): void {
    this.openByKey.delete(key);
  }

  totals(): ReplayTotals {
    return {
      conversations: this.conversations,
      answered: this.answered,
      chargeable: this.chargeable,
      cancelled: this.conversations - this.answered,
    };
  }
}
