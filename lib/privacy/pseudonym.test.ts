import { beforeAll, describe, expect, it } from "vitest";

describe("end-user pseudonyms", () => {
  let endUserPseudonym: (workspaceId: string, endUserId: string) => string;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "unit-test-secret-of-enough-length";
    ({ endUserPseudonym } = await import("./pseudonym"));
  });

  it("are stable per workspace and customer, so a repeated erasure is recognised", () => {
    expect(endUserPseudonym("w1", "alice@example.com")).toBe(endUserPseudonym("w1", "alice@example.com"));
    expect(endUserPseudonym("w1", "alice@example.com")).toMatch(/^erased-[0-9a-f]{24}$/);
  });

  it("differ between customers and between workspaces, and do not contain the id", () => {
    const names = new Set([endUserPseudonym("w1", "alice"), endUserPseudonym("w1", "bob"), endUserPseudonym("w2", "alice")]);
    expect(names.size).toBe(3);
    expect(endUserPseudonym("w1", "alice")).not.toContain("alice");
  });
});
