import { describe, expect, it } from "vitest";
import { forecastRunOut } from "./forecast-run-out";

const now = new Date("2026-11-10T12:00:00Z");

describe("forecastRunOut", () => {
  it("divides what is left by the daily rate", () => {
    expect(forecastRunOut(30, 10, now)?.toISOString()).toBe("2026-11-13T12:00:00.000Z");
    expect(forecastRunOut(5, 2, now)?.toISOString()).toBe("2026-11-13T00:00:00.000Z");
  });

  it("says now when nothing is left and never when nothing is used", () => {
    expect(forecastRunOut(0, 3, now)).toEqual(now);
    expect(forecastRunOut(-4, 3, now)).toEqual(now);
    expect(forecastRunOut(50, 0, now)).toBeNull();
  });
});
