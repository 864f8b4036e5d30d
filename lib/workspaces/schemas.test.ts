import { describe, expect, it } from "vitest";
import { workspaceSettingsSchema } from "./schemas";

describe("workspace settings: message retention", () => {
  const base = { name: "W", timeoutMinutes: 30, timeZone: "UTC" };

  it("reads an empty field as keep for ever, a number of days as that, and a missing one as unchanged", () => {
    expect(workspaceSettingsSchema.parse({ ...base, messageRetentionDays: "" }).messageRetentionDays).toBeNull();
    expect(workspaceSettingsSchema.parse({ ...base, messageRetentionDays: "30" }).messageRetentionDays).toBe(30);
    expect(workspaceSettingsSchema.parse(base).messageRetentionDays).toBeUndefined();
  });

  it("refuses anything outside 1 to 3650 whole days", () => {
    for (const bad of ["0", "-1", "3651", "1.5", "abc"]) expect(workspaceSettingsSchema.safeParse({ ...base, messageRetentionDays: bad }).success, bad).toBe(false);
  });
});
