import { describe, it } from "vitest";
import { checkEngineAgainstModel } from "../support/metering-property";

// The long run of e2e/api/metering-model.test.ts: four times the runs, up to 100 streams each.
describe("the metering engine against the reference model, long run", () => {
  it("agrees on every event, conversation and charge of thousands of random streams", async () => {
    await checkEngineAgainstModel({ defaultRuns: 200, maxStreamsPerRun: 100 });
  });
});
