import { describe, expect, it } from "vitest";
import { addBuckets, durationBucket, emptyBuckets, messageBucket } from "./conversation-shape";

describe("conversation shape buckets", () => {
  it("puts message counts on the labelled edges (1, 2, 3–4, 5–8, 9–16, 17+)", () => {
    expect([1, 2, 3, 4, 5, 8, 9, 16, 17, 400].map(messageBucket)).toEqual([0, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("puts durations on minute edges, a bucket starting exactly at its bound", () => {
    const minutes = (m: number) => m * 60_000;
    expect([0, minutes(1) - 1, minutes(1), minutes(5), minutes(15) - 1, minutes(30), minutes(60), minutes(600)].map(durationBucket)).toEqual([
      0, 0, 1, 2, 2, 4, 5, 5,
    ]);
  });

  it("adds bucket arrays element by element, negative deltas included", () => {
    expect(addBuckets(emptyBuckets(), [1, -1, 0, 2, 0, 3])).toEqual([1, -1, 0, 2, 0, 3]);
  });
});
