import { describe, expect, it } from "vitest";
import { decideAlerts, type RuleState } from "./decide-alerts";

const NOV = Date.parse("2026-11-01T00:00:00Z");
const DEC = Date.parse("2026-12-01T00:00:00Z");
const rule = (over: Partial<RuleState> = {}): RuleState => ({ id: "r", kind: "percent_used", threshold: 80, firedPeriod: null, ...over });
const ids = (result: { fire: RuleState[]; rearm: RuleState[] }) => ({ fire: result.fire.map((r) => r.id), rearm: result.rearm.map((r) => r.id) });

describe("decideAlerts", () => {
  it("fires a percent rule exactly when usage reaches its threshold", () => {
    expect(ids(decideAlerts([rule()], { periodStart: NOV, percentUsed: 79, remaining: 11 }))).toEqual({ fire: [], rearm: [] });
    expect(ids(decideAlerts([rule()], { periodStart: NOV, percentUsed: 80, remaining: 10 }))).toEqual({ fire: ["r"], rearm: [] });
  });

  it("fires once per period, then again in the next period", () => {
    const fired = rule({ firedPeriod: NOV });
    expect(ids(decideAlerts([fired], { periodStart: NOV, percentUsed: 100, remaining: 0 }))).toEqual({ fire: [], rearm: [] });
    expect(ids(decideAlerts([fired], { periodStart: DEC, percentUsed: 90, remaining: 5 }))).toEqual({ fire: ["r"], rearm: [] });
  });

  it("fires a remaining rule below its threshold and re-arms it when credits rise back", () => {
    const low = rule({ id: "low", kind: "remaining_below", threshold: 10 });
    expect(ids(decideAlerts([low], { periodStart: NOV, percentUsed: 90, remaining: 10 }))).toEqual({ fire: [], rearm: [] });
    expect(ids(decideAlerts([low], { periodStart: NOV, percentUsed: 90, remaining: 9 }))).toEqual({ fire: ["low"], rearm: [] });
    const fired = { ...low, firedPeriod: NOV };
    expect(ids(decideAlerts([fired], { periodStart: NOV, percentUsed: 90, remaining: 509 }))).toEqual({ fire: [], rearm: ["low"] });
  });

  it("handles several rules crossed by one batch", () => {
    const rules = [rule({ id: "80" }), rule({ id: "100", threshold: 100 })];
    expect(ids(decideAlerts(rules, { periodStart: NOV, percentUsed: 100, remaining: 0 }))).toEqual({ fire: ["80", "100"], rearm: [] });
  });
});
