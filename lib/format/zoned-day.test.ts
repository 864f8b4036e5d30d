import { describe, expect, it } from "vitest";
import { nextDay, startOfDayIn } from "./zoned-day";

describe("startOfDayIn", () => {
  it("finds local midnight in zones ahead of and behind UTC", () => {
    expect(startOfDayIn("2026-11-23", "UTC").toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(startOfDayIn("2026-11-23", "Europe/Paris").toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(startOfDayIn("2026-07-14", "Europe/Paris").toISOString()).toBe("2026-07-13T22:00:00.000Z");
    expect(startOfDayIn("2026-11-23", "America/New_York").toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(startOfDayIn("2026-11-23", "Asia/Kolkata").toISOString()).toBe("2026-11-22T18:30:00.000Z");
  });

  it("handles the days clocks change", () => {
    expect(startOfDayIn("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-10-25", "Europe/Paris").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});

describe("nextDay", () => {
  it("crosses month and year ends", () => {
    expect(nextDay("2026-11-30")).toBe("2026-12-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
