/**
 * The overview's two distributions, as bucket indexes that ingest counts per day in `usage_daily`
 * (so the overview never scans conversations). The bounds are each bucket's inclusive lower edge after
 * the first; the SQL backfill in migration 20261123050000_usage_shape uses the same bounds.
 */
export const MESSAGE_BUCKET_LABELS = ["1", "2", "3–4", "5–8", "9–16", "17+"] as const;
export const DURATION_BUCKET_LABELS = ["< 1 min", "1–5 min", "5–15 min", "15–30 min", "30–60 min", "> 1 h"] as const;

const MESSAGE_BOUNDS = [2, 3, 5, 9, 17];
const DURATION_BOUNDS_MS = [60, 300, 900, 1800, 3600].map((seconds) => seconds * 1000);

export type Buckets = number[];

export const emptyBuckets = (): Buckets => [0, 0, 0, 0, 0, 0];

function bucketOf(value: number, bounds: number[]): number {
  let index = 0;
  while (index < bounds.length && value >= (bounds[index] ?? Infinity)) index++;
  return index;
}

export const messageBucket = (messages: number) => bucketOf(messages, MESSAGE_BOUNDS);
export const durationBucket = (durationMs: number) => bucketOf(durationMs, DURATION_BOUNDS_MS);

export function bump(buckets: Buckets, index: number, by: number): void {
  buckets[index] = (buckets[index] ?? 0) + by;
}

export function addBuckets(into: Buckets, from: readonly number[]): Buckets {
  for (let index = 0; index < into.length; index++) into[index] = (into[index] ?? 0) + (from[index] ?? 0);
  return into;
}
