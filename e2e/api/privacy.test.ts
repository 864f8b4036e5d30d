// Right to erasure (DELETE /api/v1/end-users/:id), message retention, and the audit log that records both.
import { describe, expect, inject, it } from "vitest";
import { ApiClient, minutesAgo } from "../support/api-client";
import { addTestMember, createTestWorkspace, PASSWORD } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { checkLedger, queryOne, rowCounts } from "../support/invariants";
import { purgeExpiredTexts } from "@/lib/privacy/purge-expired-texts";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

type Detail = { endUserId: string; messageCount: number; billable: boolean; messages: { text: string | null }[] };
type Erased = { endUserId: string; conversations: number; messagesErased: number };

const HOUR = 60;

async function chat(api: ApiClient, endUserId: string, prefix: string, startMinutesAgo: number) {
  const posted = await api.postEvents([
    { id: `${prefix}-q`, endUserId, role: "user", text: `${prefix}: my card number is 4242`, timestamp: minutesAgo(startMinutesAgo) },
    { id: `${prefix}-a`, endUserId, role: "assistant", text: `${prefix}: thanks, noted`, timestamp: minutesAgo(startMinutesAgo - 1) },
  ]);
  expect(posted.status).toBe(200);
  return posted.body.results[0]?.conversationId ?? "";
}

/** Every row of the workspace's tables as text, to search for a value that must be gone. */
async function workspaceDump(workspaceId: string): Promise<string> {
  const row = await queryOne<{ dump: string }>(
    databaseUrl,
    `SELECT concat_ws('|',
       (SELECT string_agg(to_jsonb(t)::text, '|') FROM events t WHERE workspace_id = $1),
       (SELECT string_agg(to_jsonb(t)::text, '|') FROM conversations t WHERE workspace_id = $1),
       (SELECT string_agg(to_jsonb(t)::text, '|') FROM conversation_keys t WHERE workspace_id = $1),
       (SELECT string_agg(to_jsonb(t)::text, '|') FROM audit_log t WHERE workspace_id = $1)) AS dump`,
    [workspaceId],
  );
  return row.dump;
}

describe("DELETE /api/v1/end-users/:endUserId", () => {
  it("erases the customer's texts and id everywhere, keeps counts and charges, and is idempotent", async () => {
    const owner = await createTestWorkspace({ name: "Erasure" });
    const api = new ApiClient(appUrl, owner.apiKey);
    const customer = "alice.martin@example.com";
    const first = await chat(api, customer, "first", 3 * HOUR);
    const second = await chat(api, customer, "second", HOUR);
    const other = await chat(api, "bob", "bob", HOUR);
    const ledgerBefore = await checkLedger(databaseUrl, owner.workspaceId);
    const countsBefore = await rowCounts(databaseUrl, owner.workspaceId);

    const erased = await api.request<Erased>(`/api/v1/end-users/${encodeURIComponent(customer)}`, { method: "DELETE" });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ endUserId: expect.stringMatching(/^erased-[0-9a-f]{24}$/), conversations: 2, messagesErased: 4 });
    const pseudonym = erased.body.endUserId;

    for (const id of [first, second]) {
      const detail = await api.request<Detail>(`/api/v1/conversations/${id}`);
      expect(detail.body).toMatchObject({ endUserId: pseudonym, messageCount: 2, billable: true });
      expect(detail.body.messages.map((m) => m.text)).toEqual([null, null]);
    }
    const untouched = await api.request<Detail>(`/api/v1/conversations/${other}`);
    expect(untouched.body.messages.map((m) => m.text)).toEqual(["bob: my card number is 4242", "bob: thanks, noted"]);

    // Counts, charges and the ledger are exactly as before; only the texts are gone.
    expect(await checkLedger(databaseUrl, owner.workspaceId)).toEqual(ledgerBefore);
    expect(await rowCounts(databaseUrl, owner.workspaceId)).toEqual({ ...countsBefore, texts: countsBefore.texts - 4, auditEntries: countsBefore.auditEntries + 1 });
    expect(await workspaceDump(owner.workspaceId)).not.toContain(customer);
    expect(await workspaceDump(owner.workspaceId)).not.toContain("first: my card");
    const listed = await api.request<{ data: unknown[] }>(`/api/v1/conversations?endUserId=${encodeURIComponent(customer)}`);
    expect(listed.body.data).toEqual([]);

    // Again: same pseudonym, nothing more to erase.
    const again = await api.request<Erased>(`/api/v1/end-users/${encodeURIComponent(customer)}`, { method: "DELETE" });
    expect(again).toMatchObject({ status: 200, body: { endUserId: pseudonym, conversations: 0, messagesErased: 0 } });
    const unknown = await api.request<{ error: { code: string } }>("/api/v1/end-users/never-seen", { method: "DELETE" });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });

    // The same id writing again is a new identity: a new conversation under the real id, erasable in turn.
    const fresh = await chat(api, customer, "third", 10);
    expect(fresh).not.toBe(second);
    expect((await api.request<Detail>(`/api/v1/conversations/${fresh}`)).body.endUserId).toBe(customer);
    const later = await api.request<Erased>(`/api/v1/end-users/${encodeURIComponent(customer)}`, { method: "DELETE" });
    expect(later.body).toEqual({ endUserId: pseudonym, conversations: 1, messagesErased: 2 });
    const audit = await queryOne<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM audit_log WHERE workspace_id = $1 AND action = 'end_user.erased'`, [owner.workspaceId]);
    expect(audit.n).toBe(2);
  });

  it("is scoped to the key's workspace: another workspace's customer is not found and keeps their texts", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const id = await chat(new ApiClient(appUrl, a.apiKey), "shared-name", "a", 30);
    const refused = await new ApiClient(appUrl, b.apiKey).request("/api/v1/end-users/shared-name", { method: "DELETE" });
    expect(refused.status).toBe(404);
    const detail = await new ApiClient(appUrl, a.apiKey).request<Detail>(`/api/v1/conversations/${id}`);
    expect(detail.body.endUserId).toBe("shared-name");
    expect(detail.body.messages.every((m) => m.text !== null)).toBe(true);
  });
});

describe("message retention", () => {
  it("erases only texts older than the workspace's setting, keeping conversations and charges, and logs the purge", async () => {
    const owner = await createTestWorkspace({ name: "Retention" });
    const neighbour = await createTestWorkspace({ name: "Keeps everything" });
    const api = new ApiClient(appUrl, owner.apiKey);
    const old = await chat(api, "old-customer", "old", 3 * 24 * HOUR);
    const recent = await chat(api, "new-customer", "recent", HOUR);
    const neighbourOld = await chat(new ApiClient(appUrl, neighbour.apiKey), "old-customer", "n-old", 3 * 24 * HOUR);
    await updateWorkspaceSettings({
      workspaceId: owner.workspaceId,
      actorUserId: owner.userId,
      settings: { name: "Retention", timeoutMinutes: 30, timeZone: "UTC", messageRetentionDays: 2 },
    });
    const ledgerBefore = await checkLedger(databaseUrl, owner.workspaceId);

    const purged = await purgeExpiredTexts();
    expect(purged.get(owner.workspaceId)).toBe(2);
    expect(purged.has(neighbour.workspaceId)).toBe(false);

    const oldDetail = await api.request<Detail>(`/api/v1/conversations/${old}`);
    expect(oldDetail.body).toMatchObject({ endUserId: "old-customer", messageCount: 2, billable: true });
    expect(oldDetail.body.messages.map((m) => m.text)).toEqual([null, null]);
    expect((await api.request<Detail>(`/api/v1/conversations/${recent}`)).body.messages.map((m) => m.text)).toEqual(["recent: my card number is 4242", "recent: thanks, noted"]);
    const neighbourDetail = await new ApiClient(appUrl, neighbour.apiKey).request<Detail>(`/api/v1/conversations/${neighbourOld}`);
    expect(neighbourDetail.body.messages.every((m) => m.text !== null)).toBe(true);
    expect(await checkLedger(databaseUrl, owner.workspaceId)).toEqual(ledgerBefore);

    // Nothing left to purge: no second audit entry.
    expect((await purgeExpiredTexts(new Date(), owner.workspaceId)).get(owner.workspaceId)).toBe(0);
    const actions = await queryOne<{ actions: string[] }>(databaseUrl, `SELECT array_agg(action ORDER BY id) AS actions FROM audit_log WHERE workspace_id = $1`, [owner.workspaceId]);
    expect(actions.actions.filter((a) => a === "messages.purged")).toHaveLength(1);
    expect(actions.actions).toContain("workspace.settings_updated");
  });
});

describe("audit log page", () => {
  it("shows owners the admin actions, erasures and purges; admins and viewers get 404", async () => {
    const owner = await createTestWorkspace({ name: "Audited" });
    const api = new ApiClient(appUrl, owner.apiKey);
    await chat(api, "to-erase", "audit", 30);
    expect((await api.request("/api/v1/end-users/to-erase", { method: "DELETE" })).status).toBe(200);
    const admin = await addTestMember(owner.workspaceId, "admin");
    const viewer = await addTestMember(owner.workspaceId, "viewer");

    const session = new HttpSession(appUrl);
    expect(await session.signIn(owner.email, PASSWORD)).toBeNull();
    const page = await session.fetch("/dashboard/settings/audit");
    expect(page.status).toBe(200);
    const html = await page.text();
    const actions = [...html.matchAll(/data-testid="audit-action">([^<]+)</g)].map((match) => match[1]);
    expect(actions).toEqual(expect.arrayContaining(["Workspace created", "Member added", "End user erased"]));
    expect(html).not.toContain("to-erase");

    for (const member of [admin, viewer]) {
      const other = new HttpSession(appUrl);
      expect(await other.signIn(member.email, PASSWORD)).toBeNull();
      const refused = await other.fetch("/dashboard/settings/audit");
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain('data-testid="audit-row"');
    }
  });

  it("pages through a long log, newest first", async () => {
    const owner = await createTestWorkspace();
    const { recordAuditSql } = await import("@/lib/audit/record-audit");
    const { pool } = await import("@/lib/db");
    for (let i = 0; i < 60; i++) await recordAuditSql(pool(), { workspaceId: owner.workspaceId, actorUserId: owner.userId, action: "api_key.revoked", details: { n: i } });
    const session = new HttpSession(appUrl);
    expect(await session.signIn(owner.email, PASSWORD)).toBeNull();
    const firstPage = await (await session.fetch("/dashboard/settings/audit")).text();
    expect(firstPage).toContain("{&quot;n&quot;:59}");
    expect(firstPage).not.toContain("{&quot;n&quot;:9}");
    const older = /href="(\/dashboard\/settings\/audit\?before=\d+)"/.exec(firstPage)?.[1];
    expect(older).toBeDefined();
    const secondPage = await (await session.fetch(older ?? "")).text();
    expect(secondPage).toContain("{&quot;n&quot;:9}");
    expect(secondPage).toContain('data-testid="audit-action">Workspace created<');
    expect(secondPage).not.toContain("{&quot;n&quot;:59}");
  });
});

describe("erasure racing ingestion", () => {
  it("never fails a batch or breaks the ledger when a customer is erased while their events arrive", async () => {
    const owner = await createTestWorkspace();
    const api = new ApiClient(appUrl, owner.apiKey);
    for (let round = 0; round < 8; round++) {
      const [posted, erased] = await Promise.all([
        api.postEvents([
          { id: `race-${round}-q`, endUserId: "racer", role: "user", text: "question", timestamp: minutesAgo(30 - round) },
          { id: `race-${round}-a`, endUserId: "racer", role: "assistant", text: "answer", timestamp: minutesAgo(30 - round) },
        ]),
        api.request("/api/v1/end-users/racer", { method: "DELETE" }),
      ]);
      expect(posted.status).toBe(200);
      expect([200, 404]).toContain(erased.status);
    }
    const ledger = await checkLedger(databaseUrl, owner.workspaceId);
    expect(ledger.debits).toBe(ledger.billableConversations);
    expect(ledger.ledgerSum).toBe(ledger.balanceFromBuckets);
  });
});
