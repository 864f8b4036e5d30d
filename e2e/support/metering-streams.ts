import fc from "fast-check";
import type { ModelEvent } from "./reference-model";

// Random chatbot traffic for the model-checked property tests: several independent streams per run,
// each a few end users with threads, topics, closes, system messages and test traffic, spaced by
// gaps chosen around the workspace's inactivity timeout.

const GAPS = ["none", "seconds", "third", "justUnder", "exactly", "justOver1ms", "justOver1s", "long"] as const;
export type Gap = (typeof GAPS)[number];

export interface Step {
  customer: number;
  threadId?: string;
  channel: ModelEvent["channel"];
  kind: "user" | "assistant" | "system" | "close";
  topic?: string;
  /** Time since the previous event of the same conversation key. */
  gap: Gap;
}

export interface Stream {
  steps: Step[];
  /** Ends a moment ago (its last conversation may still be open) rather than hours ago. */
  recent: boolean;
}

export interface Delivery {
  /** Concurrent clients; each key's events go through one of them, in order. */
  lanes: number;
  batchSizes: number[];
  /** Percent of batches that also carry events already sent (retries), or are sent twice. */
  duplicatePercent: number;
  seed: number;
}

export interface Scenario {
  timeoutMinutes: number;
  streams: Stream[];
  delivery: Delivery;
}

const weighted = <T>(...choices: [number, T][]) => fc.oneof(...choices.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));

const stepArbitrary: fc.Arbitrary<Step> = fc
  .record({
    customer: weighted([3, 0], [1, 1]),
    threadId: weighted<string | undefined>([4, undefined], [1, "t1"]),
    channel: weighted<Step["channel"]>([6, "live"], [1, "test"], [1, "preview"]),
    kind: weighted<Step["kind"]>([5, "user"], [5, "assistant"], [1, "system"], [1, "close"]),
    topic: weighted<string | undefined>([6, undefined], [1, "billing"], [1, "shipping"]),
    gap: weighted<Gap>([2, "none"], [5, "seconds"], [2, "third"], [1, "justUnder"], [2, "exactly"], [1, "justOver1ms"], [1, "justOver1s"], [1, "long"]),
  })
  .map(({ threadId, topic, ...step }) => ({
    ...step,
    ...(threadId ? { threadId } : {}),
    ...(topic && step.kind !== "close" ? { topic } : {}),
  }));

export const streamArbitrary: fc.Arbitrary<Stream> = fc.record({
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 24, size: "max" }),
  recent: fc.boolean(),
});

export function scenarioArbitrary(maxStreams: number): fc.Arbitrary<Scenario> {
  return fc.record({
    timeoutMinutes: fc.constantFrom(30, 5),
    streams: fc.array(streamArbitrary, { minLength: 1, maxLength: maxStreams, size: "max" }),
    delivery: fc.record({
      lanes: fc.integer({ min: 1, max: 4 }),
      batchSizes: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 5 }),
      duplicatePercent: fc.constantFrom(0, 20, 50),
      seed: fc.nat(),
    }),
  });
}

function gapMs(gap: Gap, timeoutMs: number): number {
  const gaps: Record<Gap, number> = {
    none: 0,
    seconds: 7_000,
    third: Math.floor(timeoutMs / 3),
    justUnder: timeoutMs - 1,
    exactly: timeoutMs,
    justOver1ms: timeoutMs + 1,
    justOver1s: timeoutMs + 1_000,
    long: 2 * timeoutMs + 7_000,
  };
  return gaps[gap];
}

export interface ScenarioEvent extends ModelEvent {
  stream: number;
}

/**
 * The events of a scenario with real ids, end users and timestamps, in the order they were
 * generated. Each key's clock advances by its steps' gaps; a stream's keys all end at the same
 * moment, `now` minus half the timeout (recent) or minus three timeouts and an hour.
 */
export function scenarioEvents(scenario: Scenario, runId: string, now: number): ScenarioEvent[] {
  const timeoutMs = scenario.timeoutMinutes * 60_000;
  return scenario.streams.flatMap((stream, streamIndex) => {
    const keyOf = (step: Step) => `${step.channel}|${step.customer}|${step.threadId ?? ""}`;
    const offsets = new Map<string, number>();
    const relative = stream.steps.map((step) => {
      const key = keyOf(step);
      const at = offsets.has(key) ? (offsets.get(key) ?? 0) + gapMs(step.gap, timeoutMs) : 0;
      offsets.set(key, at);
      return at;
    });
    const end = now - (stream.recent ? timeoutMs / 2 : 3 * timeoutMs + 3_600_000);
    return stream.steps.map((step, stepIndex): ScenarioEvent => {
      const event: ScenarioEvent = {
        stream: streamIndex,
        id: `${runId}-${streamIndex}-${stepIndex}`,
        type: step.kind === "close" ? "close" : "message",
        channel: step.channel,
        endUserId: `${runId}-${streamIndex}-c${step.customer}`,
        at: end - (offsets.get(keyOf(step)) ?? 0) + (relative[stepIndex] ?? 0),
      };
      if (step.kind !== "close") event.role = step.kind;
      if (step.threadId) event.threadId = step.threadId;
      if (step.topic) event.topic = step.topic;
      return event;
    });
  });
}

/** What the API receives for an event. */
export function toApiEvent({ at, stream: _stream, ...fields }: ScenarioEvent): Record<string, unknown> {
  return { ...fields, timestamp: new Date(at).toISOString() };
}

/** A small deterministic generator, so a scenario's delivery replays exactly from its seed. */
export function random(seed: number): (below: number) => number {
  let state = seed >>> 0 || 1;
  return (below) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

export function shuffle<T>(items: T[], next: (below: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const keyOfEvent = (event: ModelEvent) => JSON.stringify([event.channel, event.endUserId, event.threadId ?? ""]);

/**
 * Splits the events among concurrent lanes (clients) and into batches, within the order the API
 * requires: the events of one conversation key arrive in the order they happened, while keys
 * interleave freely and travel through different clients.
 */
export function laneBatches<T extends ModelEvent>(events: T[], delivery: Delivery): T[][][] {
  const next = random(delivery.seed);
  const queues = new Map<string, T[]>();
  for (const event of events) {
    const key = keyOfEvent(event);
    queues.set(key, [...(queues.get(key) ?? []), event]);
  }
  const lanes: T[][][] = Array.from({ length: delivery.lanes }, () => []);
  const laneKeys: T[][][] = Array.from({ length: delivery.lanes }, () => []);
  for (const queue of queues.values()) laneKeys[next(delivery.lanes)]?.push([...queue]);

  laneKeys.forEach((keys, lane) => {
    const merged: T[] = [];
    const pending = keys.filter((queue) => queue.length);
    while (pending.length) {
      const pick = next(pending.length);
      const queue = pending[pick] as T[];
      merged.push(queue.shift() as T);
      if (!queue.length) pending.splice(pick, 1);
    }
    for (let start = 0, batch = 0; start < merged.length; batch++) {
      const size = delivery.batchSizes[batch % delivery.batchSizes.length] ?? 1;
      lanes[lane]?.push(merged.slice(start, start + size));
      start += size;
    }
  });
  return lanes;
}

/**
 * Adds retries to one lane's batches: some batches repeat one of their own events later on, or
 * carry events the lane sent before, or are sent twice in a row.
 */
export function withDuplicates<T>(batches: T[][], percent: number, seed: number): T[][] {
  const next = random(seed);
  const sent: T[] = [];
  const out: T[][] = [];
  for (const batch of batches) {
    if (next(100) >= percent) {
      out.push(batch);
      sent.push(...batch);
      continue;
    }
    const copy = [...batch];
    const repeated = copy[next(copy.length)] as T;
    copy.push(repeated);
    for (let i = 0; i < 3 && sent.length; i++) copy.splice(next(copy.length + 1), 0, sent[next(sent.length)] as T);
    out.push(copy);
    if (next(2) === 0) out.push(copy);
    sent.push(...batch);
  }
  return out;
}
