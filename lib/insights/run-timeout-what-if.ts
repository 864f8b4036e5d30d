import { streamRangeEvents } from "./stream-range-events";
import { TimeoutWhatIf, whatIfTimeouts, type TimeoutOutcome } from "./timeout-what-if";
import type { InsightsRange } from "./range";
import type { InsightsWorkspace } from "./types";

export interface TimeoutWhatIfReport {
  currentTimeoutMinutes: number;
  customTimeoutMinutes: number | null;
  outcomes: TimeoutOutcome[];
  /** Message events replayed. */
  messages: number;
  elapsedMs: number;
}

/**
 * Replays the range's real events under each timeout (the standard ones, the workspace's and an
 * optional typed one) in one streaming pass: the events are read once, every timeout is fed each event.
 */
export async function runTimeoutWhatIf(workspace: InsightsWorkspace, range: InsightsRange, customTimeoutMinutes: number | null = null): Promise<TimeoutWhatIfReport> {
  const started = performance.now();
  const replay = new TimeoutWhatIf(whatIfTimeouts([workspace.timeoutMinutes, customTimeoutMinutes]));
  for await (const batch of streamRangeEvents(workspace.id, range.start, range.end)) for (const event of batch) replay.push(event);
  return {
    currentTimeoutMinutes: workspace.timeoutMinutes,
    customTimeoutMinutes,
    outcomes: replay.results(),
    messages: replay.messageCount(),
    elapsedMs: performance.now() - started,
  };
}
