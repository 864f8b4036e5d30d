import { beforeAll, describe, expect, inject, it } from "vitest";
import { SIGN_IN_LIMITS } from "@/lib/auth/verify-credentials";
import { WORKSPACE_COOKIE } from "@/lib/auth/current-workspace";
import { HttpSession } from "../support/http-session";
import { createTestWorkspace, PASSWORD, uniqueEmail } from "../support/fixtures";
import { dashboardUrls } from "../support/dashboard-routes";
import { queryOne } from "../support/invariants";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

describe("sign-in", () => {
  let owner: Awaited<ReturnType<typeof createTestWorkspace>>;
  beforeAll(async () => {
    owner = await createTestWorkspace({ name: "Owner's Helpdesk" });
  });

  it("gives a session for the right password, and the dashboard shows the workspace", async () => {
    const session = new HttpSession(appUrl);
    expect(await session.signIn(owner.email, PASSWORD)).toBeNull();
    const me = (await (await session.fetch("/api/auth/session")).json()) as { user?: { id: string; email: string } };
    expect(me.user).toMatchObject({ id: owner.userId, email: owner.email });
    const page = await session.fetch("/dashboard");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Owner&#x27;s Helpdesk");
  });

  it("answers a wrong password and an unknown email with the same generic error", async () => {
    const wrongPassword = await new HttpSession(appUrl).signIn(owner.email, "not the password");
    const unknownEmail = await new HttpSession(appUrl).signIn(uniqueEmail("nobody"), PASSWORD);
    expect(wrongPassword).toBe("CredentialsSignin");
    expect(unknownEmail).toBe("CredentialsSignin");
  });

  it("locks an email after repeated failures, even for the right password, without touching other accounts", async () => {
    const target = await createTestWorkspace();
    const other = await createTestWorkspace();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail.limit; attempt++) {
      // A new address each time: the limit follows the email, not the client.
      expect(await new HttpSession(appUrl).signIn(target.email, "wrong")).toBe("CredentialsSignin");
    }
    const locked = await new HttpSession(appUrl).signIn(target.email, PASSWORD);
    expect(locked).toMatch(/^rate_limited:Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect(await new HttpSession(appUrl).signIn(other.email, PASSWORD)).toBeNull();
  });

  it("does not count successful sign-ins against the limit", async () => {
    const user = await createTestWorkspace();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail.limit + 2; attempt++) {
      expect(await new HttpSession(appUrl).signIn(user.email, PASSWORD)).toBeNull();
    }
  });

  it("limits failed attempts per client address across many emails", async () => {
    const ip = "192.0.2.77";
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perIp.limit; attempt++) {
      expect(await new HttpSession(appUrl, { ip }).signIn(uniqueEmail("spray"), "guess")).toBe("CredentialsSignin");
    }
    const fresh = await createTestWorkspace();
    expect(await new HttpSession(appUrl, { ip }).signIn(fresh.email, PASSWORD)).toMatch(/^rate_limited:/);
    expect(await new HttpSession(appUrl).signIn(fresh.email, PASSWORD)).toBeNull();
  });
});

describe("rate-limit counters", () => {
  it("are pruned once no window can still use them, and kept while one can", async () => {
    const { pruneRateLimitWindows } = await import("@/lib/rate-limit/hit-rate-limit");
    const stale = `prune-test:${uniqueEmail("stale")}`;
    const fresh = `prune-test:${uniqueEmail("fresh")}`;
    await queryOne(databaseUrl, `INSERT INTO rate_limit_windows (key, started_at, hits) VALUES ($1, now() - interval '25 hours', 9), ($2, now() - interval '50 minutes', 9)`, [stale, fresh]);
    await pruneRateLimitWindows();
    const { keys } = await queryOne<{ keys: string[] }>(databaseUrl, `SELECT coalesce(array_agg(key ORDER BY key), '{}') AS keys FROM rate_limit_windows WHERE key = ANY($1)`, [[stale, fresh]]);
    expect(keys).toEqual([fresh]);
  });
});

describe("session guard", () => {
  const urls = dashboardUrls();

  it("covers the dashboard pages", () => {
    expect(urls).toEqual(expect.arrayContaining(["/dashboard", "/dashboard/settings"]));
  });

  it.each(urls)("sends a visitor without a session from %s to the sign-in page", async (url) => {
    const response = await new HttpSession(appUrl).fetch(url);
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "", appUrl);
    expect(location.pathname).toBe("/login");
  });

  it.each(urls)("refuses a forged session cookie on %s", async (url) => {
    const session = new HttpSession(appUrl);
    session.setCookie("next-auth.session-token", "forged.jwt.value");
    const response = await session.fetch(url);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/login");
  });
});

describe("workspace isolation", () => {
  it("answers 404 when a user switches to another workspace's id, and switches to their own", async () => {
    const a = await createTestWorkspace({ name: "Alpha Support" });
    const b = await createTestWorkspace({ name: "Bravo Sales" });
    const session = new HttpSession(appUrl);
    expect(await session.signIn(b.email, PASSWORD)).toBeNull();

    const foreign = await session.fetch(`/dashboard/switch/${a.workspaceId}`);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("not_found");

    const own = await session.fetch(`/dashboard/switch/${b.workspaceId}`);
    expect(own.status).toBe(303);
    expect(own.headers.getSetCookie().join(";")).toContain(`${WORKSPACE_COOKIE}=${b.workspaceId}`);
  });

  it("ignores a workspace cookie forged with another workspace's id", async () => {
    const a = await createTestWorkspace({ name: "Alpha Secret Workspace" });
    const b = await createTestWorkspace({ name: "Bravo Own Workspace" });
    const session = new HttpSession(appUrl);
    expect(await session.signIn(b.email, PASSWORD)).toBeNull();
    session.setCookie(WORKSPACE_COOKIE, a.workspaceId);
    const html = await (await session.fetch("/dashboard/settings")).text();
    expect(html).toContain("Bravo Own Workspace");
    expect(html).not.toContain("Alpha Secret Workspace");
  });
});
