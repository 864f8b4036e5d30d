import { describe, inject, it } from "vitest";
import { createTestWorkspace } from "../support/fixtures";
import { checkEngineAgainstModel } from "../support/metering-property";

// The long run of e2e/api/metering-model.test.ts: four times the runs, up to 100 streams each.
describe("the metering engine against the reference model, long run", () => {
  it("agrees on every event, conversation and charge of thousands of random streams", async () => {
    const owner = await createTestWorkspace();
    const totals = await checkEngineAgainstModel({
      appUrl: inject("appUrl"),
      databaseUrl: inject("databaseUrl"),
      ownerUserId: owner.userId,
      runs: Number(process.env.MODEL_RUNS ?? 200),
      maxStreamsPerRun: 100,
    });
    console.log(`Metering model property: ${totals.runs} runs, ${totals.streams} streams, ${totals.events} events`);
  });
});
