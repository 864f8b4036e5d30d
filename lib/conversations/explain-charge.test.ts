import { describe, expect, it } from "vitest";
import { explainCharge } from "./explain-charge";

const base = { channel: "live" as const, billable: false, blocked: false, charge: null, status: "closed" as const, userMessageCount: 1 };

describe("explainCharge", () => {
  it("names test and preview traffic first, whatever happened in it", () => {
    expect(explainCharge({ ...base, channel: "test", userMessageCount: 3 })).toEqual({ key: "testChannel" });
    expect(explainCharge({ ...base, channel: "preview" })).toEqual({ key: "previewChannel" });
  });

  it("says what paid for a charged conversation and when", () => {
    const charge = { source: "pack" as const, packId: "pack-500", at: "2026-11-20T10:00:00.000Z" };
    expect(explainCharge({ ...base, billable: true, charge })).toEqual({ key: "charged", ...charge });
  });

  it("explains each uncharged live case", () => {
    expect(explainCharge({ ...base, blocked: true })).toEqual({ key: "blocked" });
    expect(explainCharge({ ...base, userMessageCount: 0, status: "cancelled" })).toEqual({ key: "customerNeverWrote" });
    expect(explainCharge({ ...base, status: "open" })).toEqual({ key: "notYet" });
    expect(explainCharge({ ...base, status: "cancelled" })).toEqual({ key: "noResponse" });
  });
});
