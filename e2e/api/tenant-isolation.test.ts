// Tenant isolation: workspace B's key and session get "not found" (or act on B only) for every API
// route, dashboard page and server action aimed at workspace A's objects, and A's viewers cannot
// change anything. Each table is checked against the source, so a new route, page or action fails
// this file until it is listed.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, minutesAgo } from "../support/api-client";
import { dashboardUrls } from "../support/dashboard-routes";
import { addTestMember, createTestWorkspace, PASSWORD } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { queryOne, rowCounts } from "../support/invariants";
import { callServerAction, serverAction, sourceServerActions } from "../support/server-actions";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

interface WorkspaceA {
  workspaceId: string;
  name: string;
  apiKeyId: string;
  conversationId: string;
  ruleId: string;
  invitationId: string;
  checkoutSessionId: string;
  purchaseId: string;
  admin: { userId: string; email: string };
  viewer: { userId: string; email: string };
}

let a: WorkspaceA;
let aOwner: HttpSession;
let aViewer: HttpSession;
let b: Awaited<ReturnType<typeof createTestWorkspace>>;
let bOwner: HttpSession;

async function signedIn(email: string) {
  const session = new HttpSession(appUrl);
  expect(await session.signIn(email, PASSWORD)).toBeNull();
  return session;
}

async function act(session: HttpSession, name: string, input: unknown) {
  const { status, result } = await callServerAction(session, serverAction(name), [input]);
  expect(status).toBe(200);
  return result as { ok: boolean; data?: unknown; error?: { code: string } };
}

/** Everything about A that an attack could change, read straight from the database. */
async function stateOfA() {
  const [counts, detail] = await Promise.all([
    rowCounts(databaseUrl, a.workspaceId),
    queryOne<Record<string, unknown>>(
      databaseUrl,
      `SELECT to_jsonb(w) - 'created_at' AS workspace,
              (SELECT jsonb_agg(jsonb_build_object('user', user_id, 'role', role) ORDER BY user_id) FROM memberships WHERE workspace_id = $1) AS members,
              (SELECT jsonb_agg(jsonb_build_object('id', id, 'revoked', revoked_at) ORDER BY id) FROM api_keys WHERE workspace_id = $1) AS keys,
              (SELECT jsonb_agg(to_jsonb(r) ORDER BY id) FROM alert_rules r WHERE workspace_id = $1) AS rules,
              (SELECT jsonb_agg(jsonb_build_object('id', id, 'revoked', revoked_at, 'accepted', accepted_at) ORDER BY id) FROM invitations WHERE workspace_id = $1) AS invitations,
              (SELECT jsonb_agg(jsonb_build_object('id', id, 'status', status) ORDER BY id) FROM pack_purchases WHERE workspace_id = $1) AS purchases,
              (SELECT count(*) FILTER (WHERE read_at IS NULL) FROM notifications WHERE workspace_id = $1) AS unread,
              (SELECT count(*) FROM outbox WHERE workspace_id = $1) AS outbox
         FROM workspaces w WHERE id = $1`,
      [a.workspaceId],
    ),
  ]);
  return { counts, detail };
}

beforeAll(async () => {
  const owner = await createTestWorkspace({ name: "Alpha Confidential" });
  aOwner = await signedIn(owner.email);
  const posted = await new ApiClient(appUrl, owner.apiKey).postEvents([
    { id: "a-1", endUserId: "alpha-customer", role: "user", text: "alpha secret question", timestamp: minutesAgo(5) },
    { id: "a-2", endUserId: "alpha-customer", role: "assistant", text: "alpha secret answer", timestamp: minutesAgo(4) },
  ]);
  // A's objects, made through the same actions the dashboard uses.
  expect((await act(aOwner, "addAlertRule", { kind: "percent_used", threshold: 80, enabled: true })).ok).toBe(true);
  expect((await act(aOwner, "inviteWorkspaceMember", { email: "invitee@example.test", role: "viewer" })).ok).toBe(true);
  expect((await act(aOwner, "buyPack", { packId: "pack-100" })).ok).toBe(true);
  expect((await act(aOwner, "sendTest", { channel: "in_app" })).ok).toBe(true);
  const ids = await queryOne<{ key: string; rule: string; invitation: string; purchase: string; session: string }>(
    databaseUrl,
    `SELECT (SELECT id FROM api_keys WHERE workspace_id = $1 LIMIT 1) AS key, (SELECT id FROM alert_rules WHERE workspace_id = $1 LIMIT 1) AS rule,
            (SELECT id FROM invitations WHERE workspace_id = $1 LIMIT 1) AS invitation,
            (SELECT id FROM pack_purchases WHERE workspace_id = $1 LIMIT 1) AS purchase, (SELECT checkout_session_id FROM pack_purchases WHERE workspace_id = $1 LIMIT 1) AS session`,
    [owner.workspaceId],
  );
  a = {
    workspaceId: owner.workspaceId,
    name: "Alpha Confidential",
    apiKeyId: ids.key,
    conversationId: posted.body.results[0]?.conversationId ?? "",
    ruleId: ids.rule,
    invitationId: ids.invitation,
    checkoutSessionId: ids.session,
    purchaseId: ids.purchase,
    admin: await addTestMember(owner.workspaceId, "admin"),
    viewer: await addTestMember(owner.workspaceId, "viewer"),
  };
  aViewer = await signedIn(a.viewer.email);
  b = await createTestWorkspace({ name: "Bravo" });
  bOwner = await signedIn(b.email);
});

describe("API routes", () => {
  // Every route file under app/api, with what B's key gets on A's objects (or why it is not per workspace).
  const ROUTES: Record<string, { exempt?: string; check?: () => Promise<void> }> = {
    "api/v1/events": {
      check: async () => {
        // Reusing A's event ids and end user id writes to B's own workspace and leaves A alone.
        const posted = await new ApiClient(appUrl, b.apiKey).postEvents([{ id: "a-1", endUserId: "alpha-customer", role: "user", text: "b" }]);
        expect(posted.body.results[0]).toMatchObject({ status: "accepted" });
        expect(posted.body.results[0]?.conversationId).not.toBe(a.conversationId);
      },
    },
    "api/v1/conversations": {
      check: async () => {
        const listed = await new ApiClient(appUrl, b.apiKey).request<{ data: { id: string }[] }>("/api/v1/conversations?endUserId=alpha-customer");
        expect(listed.body.data.map((c) => c.id)).not.toContain(a.conversationId);
      },
    },
    "api/v1/conversations/[id]": {
      check: async () => {
        const response = await new ApiClient(appUrl, b.apiKey).request<{ error: { code: string } }>(`/api/v1/conversations/${a.conversationId}`);
        expect(response).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
      },
    },
    "api/v1/end-users/[endUserId]": {
      check: async () => {
        const response = await new ApiClient(appUrl, b.apiKey).request("/api/v1/end-users/alpha-customer", { method: "DELETE" });
        // B wrote events for its own "alpha-customer" above, so B erases its own customer, never A's.
        expect([200, 404]).toContain(response.status);
      },
    },
    "api/v1/usage": {
      check: async () => {
        const usage = await new ApiClient(appUrl, b.apiKey).request<{ conversations: { billable: number } }>("/api/v1/usage");
        expect(usage.body.conversations.billable).toBeLessThanOrEqual(1);
      },
    },
    "api/v1/openapi.json": { exempt: "public API description, no workspace data" },
    "api/health": { exempt: "liveness probe, no workspace data" },
    "api/auth/[...nextauth]": { exempt: "next-auth's sign-in endpoints, per user (covered by auth.test.ts)" },
    "api/stripe/webhook": { exempt: "signed by Stripe, not by a workspace (covered by stripe-webhooks.test.ts and fuzz.test.ts)" },
  };

  it("lists every API route", () => {
    const found: string[] = [];
    const walk = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(directory, entry.name));
        else if (/^route\.tsx?$/.test(entry.name)) found.push(path.relative("app", directory));
      }
    };
    walk("app/api");
    expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.entries(ROUTES).filter(([, route]) => route.check))("%s with B's key never reaches A's objects", async (_route, { check }) => {
    const before = await stateOfA();
    await check?.();
    expect(await stateOfA()).toEqual(before);
    const detail = await new ApiClient(appUrl, b.apiKey).request<{ messages: unknown[] }>(`/api/v1/conversations/${a.conversationId}`);
    expect(detail.status).toBe(404);
  });
});

describe("dashboard pages", () => {
  const fillWithA = (segment: string): string => {
    // `figure` names an insights figure, not an object: B's top end users must not list A's.
    const ids: Record<string, string> = { id: a.conversationId, purchaseId: a.purchaseId, sessionId: a.checkoutSessionId, workspaceId: a.workspaceId, figure: "top-end-users" };
    return ids[segment] ?? `unknown-${segment}`;
  };

  it("fills every dynamic segment with one of A's ids", () => {
    expect(dashboardUrls("app/(dashboard)", (segment) => (["id", "purchaseId", "sessionId", "workspaceId", "figure"].includes(segment) ? segment : "UNMAPPED")).join()).not.toContain("UNMAPPED");
  });

  it("answers B's owner 404 for each page about one of A's objects, and shows nothing of A on the others", async () => {
    const before = await stateOfA();
    for (const url of dashboardUrls("app/(dashboard)", fillWithA)) {
      const response = await bOwner.fetch(url);
      const body = await response.text();
      const aboutAnObject = /\/(conversations|receipts|checkout|switch)\/[0-9a-z_-]{20,}/i.test(url);
      if (aboutAnObject) expect(response.status, url).toBe(404);
      else expect([200, 303, 307], url).toContain(response.status);
      for (const secret of [a.name, "alpha secret question", "alpha-customer", a.checkoutSessionId.slice(10)]) {
        if (!url.includes(secret)) expect(body.includes(secret), `${url} shows ${secret}`).toBe(false);
      }
    }
    expect(await stateOfA()).toEqual(before);
  });
});

describe("server actions", () => {
  type Case = { input: () => unknown; viewerMay?: string };
  // Every action with an input aimed at A's objects where it takes an id.
  const ACTIONS: Record<string, Case> = {
    saveWorkspaceSettings: { input: () => ({ name: "Taken over", timeoutMinutes: 5, timeZone: "UTC", messageRetentionDays: "1" }) },
    createWorkspaceApiKey: { input: () => ({ name: "attacker key" }) },
    revokeWorkspaceApiKey: { input: () => ({ keyId: a.apiKeyId }) },
    createAnotherWorkspace: { input: () => ({ name: "Side project" }), viewerMay: "creates a new workspace the viewer owns; A is untouched" },
    inviteWorkspaceMember: { input: () => ({ email: "attacker@example.test", role: "owner" }) },
    changeWorkspaceMemberRole: { input: () => ({ userId: a.admin.userId, role: "viewer" }) },
    removeWorkspaceMember: { input: () => ({ userId: a.admin.userId }) },
    revokeWorkspaceInvitation: { input: () => ({ invitationId: a.invitationId }) },
    addAlertRule: { input: () => ({ kind: "remaining_below", threshold: 5, enabled: true }) },
    editAlertRule: { input: () => ({ ruleId: a.ruleId, kind: "percent_used", threshold: 1, enabled: false }) },
    removeAlertRule: { input: () => ({ ruleId: a.ruleId }) },
    saveChannels: { input: () => ({ emails: "attacker@example.test", webhookUrl: "https://attacker.example/hook", locale: "fr" }) },
    sendTest: { input: () => ({ channel: "in_app" }) },
    buyPack: { input: () => ({ packId: "pack-2000" }) },
    confirmLocalCheckout: { input: () => ({ sessionId: a.checkoutSessionId }) },
    changePlan: { input: () => ({ planId: "business" }) },
    saveOveragePolicy: { input: () => ({ policy: "pause" }) },
    markAllNotificationsRead: { input: () => ({}), viewerMay: "marks the viewer's workspace notifications read, as any member may" },
    sendTestChatMessage: { input: () => ({ chatId: "attack-chat-1", text: "hi" }), viewerMay: "test-channel traffic, never charged; any member may try the bot" },
  };
  // Actions outside a workspace: who may call them is checked by their own tests.
  const NOT_WORKSPACE_SCOPED: Record<string, string> = {
    signUp: "creates a new account and workspace (fuzz.test.ts)",
    acceptAsSignedInUser: "needs the invitation's secret token, bound to the invited e-mail",
    acceptWithNewAccount: "needs the invitation's secret token",
    chooseLocale: "sets the visitor's own language cookie",
  };

  it("lists every server action in the source and in the build", () => {
    const names = sourceServerActions().map((entry) => entry.split("#")[1]);
    expect(names.sort()).toEqual([...Object.keys(ACTIONS), ...Object.keys(NOT_WORKSPACE_SCOPED)].sort());
  });

  it.each(Object.keys(ACTIONS))("%s by B's owner with A's ids changes nothing in A", async (name) => {
    const before = await stateOfA();
    const result = await act(bOwner, name, ACTIONS[name]?.input());
    if (!result.ok) expect(["not_found", "validation_failed", "conflict"]).toContain(result.error?.code);
    expect(await stateOfA()).toEqual(before);
  });

  it.each(Object.keys(ACTIONS).filter((name) => !ACTIONS[name]?.viewerMay))("%s by A's viewer is refused and changes nothing", async (name) => {
    const before = await stateOfA();
    const result = await act(aViewer, name, ACTIONS[name]?.input());
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await stateOfA()).toEqual(before);
  });

  it("still lets A's owner do what the viewer and B could not (the inputs are valid)", async () => {
    expect(await act(aOwner, "editAlertRule", ACTIONS.editAlertRule?.input())).toMatchObject({ ok: true });
    expect(await act(aOwner, "revokeWorkspaceInvitation", ACTIONS.revokeWorkspaceInvitation?.input())).toMatchObject({ ok: true });
    expect(await act(aOwner, "changeWorkspaceMemberRole", ACTIONS.changeWorkspaceMemberRole?.input())).toMatchObject({ ok: true });
  });
});
