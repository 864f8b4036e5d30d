// Security headers on every page and API response, cookie flags, CSRF refusal, the sign-up rate
// limit, and secrets (passwords, API keys, webhook secrets) never logged, stored only hashed, shown once.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { WORKSPACE_COOKIE } from "@/lib/auth/current-workspace";
import { ApiClient, minutesAgo } from "../support/api-client";
import { dashboardUrls } from "../support/dashboard-routes";
import { createTestWorkspace, PASSWORD, uniqueEmail } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { queryOne } from "../support/invariants";
import { callServerAction, serverAction } from "../support/server-actions";
import { startTestApp, type TestApp } from "../support/test-environment";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

const publicPages = () => ["/", ...dashboardUrls("app/(auth)")];

function cspDirectives(response: Response): Map<string, string[]> {
  const csp = response.headers.get("content-security-policy") ?? "";
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
}

function expectPageHeaders(response: Response, url: string) {
  const csp = cspDirectives(response);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts, url).toContain("'strict-dynamic'");
  expect(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)), url).toBe(true);
  expect(scripts, url).not.toContain("'unsafe-inline'");
  expect(scripts, url).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(csp.get("object-src"), url).toEqual(["'none'"]);
  expect(response.headers.get("x-frame-options"), url).toBe("DENY");
  expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), url).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("permissions-policy"), url).toContain("camera=()");
}

function cookie(response: Response, name: string): string {
  const found = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`No ${name} cookie in ${response.headers.getSetCookie().join(" | ")}`);
  return found;
}

describe("security headers", () => {
  let session: HttpSession;
  beforeAll(async () => {
    const owner = await createTestWorkspace();
    session = new HttpSession(appUrl);
    expect(await session.signIn(owner.email, PASSWORD)).toBeNull();
  });

  it("every public and dashboard page carries a nonce CSP (no inline or eval scripts), no framing, nosniff and a referrer policy", async () => {
    for (const url of [...publicPages(), ...dashboardUrls()]) expectPageHeaders(await session.fetch(url), url);
  });

  it("every script Next renders carries this response's nonce, and the nonce changes per response", async () => {
    const first = await session.fetch("/dashboard");
    const second = await session.fetch("/dashboard");
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).toBeDefined();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);
  });

  it("the sign-in redirect of a signed-out visitor carries them too", async () => {
    expectPageHeaders(await new HttpSession(appUrl).fetch("/dashboard/settings"), "redirect");
  });

  it("API responses forbid any content and framing", async () => {
    for (const path of ["/api/v1/usage", "/api/health", "/api/v1/openapi.json", "/api/v1/conversations/x", "/api/auth/csrf"]) {
      const response = await fetch(`${appUrl}${path}`);
      expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("no HSTS over plain HTTP (browsers would ignore it, and it would lock out a local install)", async () => {
    expect((await fetch(`${appUrl}/login`)).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("served over HTTPS (NEXTAUTH_URL is https)", () => {
  let secure: TestApp;
  beforeAll(async () => {
    secure = await startTestApp(databaseUrl, { NEXTAUTH_URL: "https://convometer.example" });
  });
  afterAll(async () => {
    await secure?.stop();
  });

  it("pages send HSTS and upgrade insecure requests", async () => {
    const response = await fetch(`${secure.url}/login`);
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(cspDirectives(response).has("upgrade-insecure-requests")).toBe(true);
  });

  it("session, CSRF and workspace cookies are Secure, HttpOnly and SameSite=Lax", async () => {
    const owner = await createTestWorkspace();
    const session = new HttpSession(secure.url);
    const csrf = await session.fetch("/api/auth/csrf");
    expect(cookie(csrf, "__Host-next-auth.csrf-token")).toMatch(/; Secure/i);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await session.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: owner.email, password: PASSWORD, json: "true" }),
    });
    const sessionCookie = cookie(signIn, "__Secure-next-auth.session-token");
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//i]) expect(sessionCookie).toMatch(flag);
    const switched = await session.fetch(`/dashboard/switch/${owner.workspaceId}`);
    expect(switched.status).toBe(303);
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i]) expect(cookie(switched, WORKSPACE_COOKIE)).toMatch(flag);
  });
});

describe("cookies over HTTP", () => {
  it("session, workspace and language cookies are HttpOnly and SameSite=Lax", async () => {
    const owner = await createTestWorkspace();
    const session = new HttpSession(appUrl);
    const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await session.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: owner.email, password: PASSWORD, json: "true" }),
    });
    for (const flag of [/; HttpOnly/i, /; SameSite=Lax/i]) expect(cookie(signIn, "next-auth.session-token")).toMatch(flag);
    const switched = await session.fetch(`/dashboard/switch/${owner.workspaceId}`);
    for (const flag of [/; HttpOnly/i, /; SameSite=Lax/i]) expect(cookie(switched, WORKSPACE_COOKIE)).toMatch(flag);
    const locale = await session.fetch(serverAction("chooseLocale").page, {
      method: "POST",
      headers: { "next-action": serverAction("chooseLocale").id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: appUrl },
      body: JSON.stringify(["fr"]),
    });
    for (const flag of [/; HttpOnly/i, /; SameSite=Lax/i]) expect(cookie(locale, "NEXT_LOCALE")).toMatch(flag);
  });
});

describe("CSRF", () => {
  let owner: Awaited<ReturnType<typeof createTestWorkspace>>;
  let session: HttpSession;
  beforeAll(async () => {
    owner = await createTestWorkspace();
    session = new HttpSession(appUrl);
    expect(await session.signIn(owner.email, PASSWORD)).toBeNull();
  });

  it("refuses a server action posted from another site's page, and runs it from our own", async () => {
    const keys = () => queryOne<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM api_keys WHERE workspace_id = $1`, [owner.workspaceId]);
    const before = (await keys()).n;
    const foreign = await callServerAction(session, serverAction("createWorkspaceApiKey"), [{ name: "csrf" }], { origin: "https://evil.example" });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect((await keys()).n).toBe(before);
    const own = await callServerAction(session, serverAction("createWorkspaceApiKey"), [{ name: "legit" }]);
    expect(own).toMatchObject({ status: 200, result: { ok: true } });
    expect((await keys()).n).toBe(before + 1);
  });

  it("refuses a cross-site request to the workspace switch (a state-changing GET), and allows the dashboard's own link", async () => {
    const crossSite: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }];
    for (const headers of crossSite) {
      const response = await session.fetch(`/dashboard/switch/${owner.workspaceId}`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.getSetCookie().join(), JSON.stringify(headers)).not.toContain(WORKSPACE_COOKIE);
    }
    const ownSite: Record<string, string>[] = [{ "sec-fetch-site": "same-origin", origin: appUrl }, { "sec-fetch-site": "none" }];
    for (const headers of ownSite) {
      const response = await session.fetch(`/dashboard/switch/${owner.workspaceId}`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(303);
    }
  });
});

describe("rate limits", () => {
  it("refuses the 21st sign-up from one address within the hour", async () => {
    const ip = `198.51.100.${1 + (randomBytes(1)[0] ?? 0) % 250}`;
    const action = serverAction("signUp");
    const outcomes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const { result } = await callServerAction(new HttpSession(appUrl, { ip }), action, [{ email: uniqueEmail("burst"), password: PASSWORD, workspaceName: "Burst" }]);
      const outcome = result as { ok: boolean; error?: { code: string } };
      outcomes.push(outcome.ok ? "ok" : (outcome.error?.code ?? "?"));
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("ok"));
    expect(outcomes[20]).toBe("rate_limited");
    // Another address is not affected.
    const other = await callServerAction(new HttpSession(appUrl), action, [{ email: uniqueEmail("other"), password: PASSWORD, workspaceName: "Other" }]);
    expect(other.result).toMatchObject({ ok: true });
  });
});

describe("secrets", () => {
  it("passwords and API keys are never logged and stored only hashed; the webhook secret is shown once", async () => {
    const password = `pw-${randomBytes(12).toString("hex")}`;
    const wrongPassword = `wrong-${randomBytes(12).toString("hex")}`;
    const email = uniqueEmail("secret");
    const signUp = await callServerAction(new HttpSession(appUrl), serverAction("signUp"), [{ email, password, workspaceName: "Secrets" }]);
    expect(signUp.result).toMatchObject({ ok: true });
    expect(await new HttpSession(appUrl).signIn(email, wrongPassword)).toBe("CredentialsSignin");
    const session = new HttpSession(appUrl);
    expect(await session.signIn(email, password)).toBeNull();

    const created = await callServerAction(session, serverAction("createWorkspaceApiKey"), [{ name: "Secret key" }]);
    const key = (created.result as { data: { key: string } }).data.key;
    const api = new ApiClient(appUrl, key);
    expect((await api.postEvents([{ id: "s-1", endUserId: "u", role: "user", text: "hi", timestamp: minutesAgo(1) }])).status).toBe(200);
    expect((await api.request("/api/v1/usage")).status).toBe(200);
    const forged = `${key.slice(0, 16)}${randomBytes(16).toString("hex")}`;
    expect((await new ApiClient(appUrl, forged).request("/api/v1/usage")).status).toBe(401);

    const channels = { emails: "", webhookUrl: "https://hooks.example/convometer", locale: "en" };
    const saved = await callServerAction(session, serverAction("saveChannels"), [channels]);
    const webhookSecret = (saved.result as { data: { webhookSecret: string } }).data.webhookSecret;
    expect(webhookSecret).toMatch(/^whsec_/);
    const savedAgain = await callServerAction(session, serverAction("saveChannels"), [channels]);
    expect(savedAgain.result).toMatchObject({ ok: true, data: { webhookSecret: null } });
    const settings = await (await session.fetch("/dashboard/settings")).text();
    expect(settings).toContain("hooks.example/convometer");
    expect(settings).not.toContain(webhookSecret);

    // Stored: only the hashes.
    const user = await queryOne<{ password_hash: string }>(databaseUrl, `SELECT password_hash FROM users WHERE email = $1`, [email]);
    expect(user.password_hash).toMatch(/^\$2[aby]\$\d{2}\$/);
    const everything = await queryOne<{ dump: string }>(
      databaseUrl,
      `SELECT string_agg(t, '') AS dump FROM (
         SELECT to_jsonb(x)::text AS t FROM users x UNION ALL SELECT to_jsonb(x)::text FROM api_keys x
         UNION ALL SELECT to_jsonb(x)::text FROM audit_log x UNION ALL SELECT to_jsonb(x)::text FROM events x
         UNION ALL SELECT to_jsonb(x)::text FROM rate_limit_windows x UNION ALL SELECT to_jsonb(x)::text FROM workspaces x) rows`,
      [],
    );
    for (const secret of [password, wrongPassword, key, forged]) expect(everything.dump).not.toContain(secret);

    // Logged: none of them, nor the webhook secret. (The app writes its output to this file.)
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = readFileSync(`test-results/app-${new URL(appUrl).port}.log`, "utf8");
    for (const secret of [password, wrongPassword, key, forged, webhookSecret]) expect(log).not.toContain(secret);
  });
});
