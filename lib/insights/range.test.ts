import { describe, expect, it } from "vitest";
import { parseInsightsRange, rangeDays, rangeSearch } from "./range";

const now = new Date("2026-11-20T10:00:00Z");

describe("parseInsightsRange", () => {
  it("defaults to the last 30 days up to today, in the workspace's time zone", () => {
    const range = parseInsightsRange({}, "Europe/Paris", now);
    expect(range).toMatchObject({ from: "2026-10-22", to: "2026-11-20" });
    expect(range.start.toISOString()).toBe("2026-10-21T22:00:00.000Z");
    expect(range.end.toISOString()).toBe("2026-11-20T23:00:00.000Z");
    expect(rangeDays(range)).toHaveLength(30);
  });

  it("reads from and to, swapping a reversed range and ignoring bad values", () => {
    expect(parseInsightsRange({ from: "2026-11-10", to: "2026-11-01" }, "UTC", now)).toMatchObject({ from: "2026-11-01", to: "2026-11-10" });
    expect(parseInsightsRange({ from: "yesterday", to: "2026-11-05" }, "UTC", now)).toMatchObject({ from: "2026-10-07", to: "2026-11-05" });
  });

  it("caps very long ranges and writes the range back as URL parameters", () => {
    expect(parseInsightsRange({ from: "2000-01-01", to: "2026-11-20" }, "UTC", now).from).toBe("2025-10-17");
    expect(rangeSearch({ from: "2026-11-01", to: "2026-11-10" }, { custom: "45" })).toBe("?from=2026-11-01&to=2026-11-10&custom=45");
  });
});
