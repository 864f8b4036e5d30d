import { ConversationReplay, type ReplayEvent, type ReplayTotals } from "@/lib/metering";

/** The timeouts every what-if compares, in minutes; the workspace's own and a typed value are added. */
export const WHAT_IF_TIMEOUTS = [5, 15, 30, 60, 120] as const;

export interface TimeoutOutcome extends ReplayTotals {
  timeoutMinutes: number;
}

/** Sorted, unique timeouts: the standard ones plus any extras (the workspace's, one typed in). */
export function whatIfTimeouts(extra: readonly (number | null | undefined)[]): number[] {
  const all = new Set<number>(WHAT_IF_TIMEOUTS);
  for (const minutes of extra) if (minutes !== null && minutes !== undefined) all.add(minutes);
  return [...all].sort((a, b) => a - b);
}

/**
 * Replays one stream of events under several inactivity timeouts at once, through the metering rules
 * themselves (ConversationReplay), so each count is what ingest would have produced.
 *
 * WARNING: events must arrive grouped by key, in arrival order within a key (the order ingest applied
 * them in). A key's state is dropped when the next key starts, which keeps memory flat; a key seen
 * again later would wrongly start from nothing.
 */
export class TimeoutWhatIf {
  private readonly replays: { timeoutMinutes: number; replay: ConversationReplay }[];
  private currentKey: string | null = null;
  private messages = 0;

  constructor(timeoutsMinutes: readonly number[]) {
    this.replays = timeoutsMinutes.map((timeoutMinutes) => ({ timeoutMinutes, replay: new ConversationReplay(timeoutMinutes * 60_000) }));
  }

  push(event: ReplayEvent): void {
    if (event.key !== this.currentKey) {
      if (this.currentKey !== null) for (const { replay } of this.replays) replay.endKey(this.currentKey);
      this.currentKey = event.key;
    }
    if (event.type === "message") this.messages += 1;
    for (const { replay } of this.replays) replay.push(event);
  }

  /** Message events replayed (every channel and role), for the report and the benchmark. */
  messageCount(): number {
    return this.messages;
  }

  results(): TimeoutOutcome[] {
    return this.replays.map(({ timeoutMinutes, replay }) => ({ timeoutMinutes, ...replay.totals() }));
  }
}
