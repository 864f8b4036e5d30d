import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, minutesAgo, type EventsResponse } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { checkLedger, queryOne, usageRollupMismatches } from "../support/invariants";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

async function newWorkspace(options: { timeoutMinutes?: number } = {}) {
  const workspace = await createTestWorkspace(options);
  return { ...workspace, api: new ApiClient(appUrl, workspace.apiKey) };
}

async function expectLedgerConsistent(workspaceId: string) {
  const check = await checkLedger(databaseUrl, workspaceId);
  expect(check.debits).toBe(check.billableConversations);
  expect(check.ledgerSum).toBe(check.balanceFromBuckets);
  expect(await usageRollupMismatches(databaseUrl, workspaceId)).toEqual([]);
  return check;
}

describe("POST /api/v1/events", () => {
  it("charges one credit at the first answer to a customer, and reports it per event", async () => {
    const { api, workspaceId } = await newWorkspace();
    const { status, body } = await api.postEvents([
      { id: "e1", endUserId: "alice", role: "user", text: "Where is my order?" },
      { id: "e2", endUserId: "alice", role: "assistant", text: "It ships tomorrow." },
      { id: "e3", endUserId: "alice", role: "user", text: "Thanks!" },
      { id: "e4", endUserId: "alice", role: "assistant", text: "You're welcome." },
    ]);
    expect(status).toBe(200);
    const [first, second, third, fourth] = body.results;
    expect(first).toMatchObject({ id: "e1", status: "accepted", newConversation: true, charged: false, allowed: true });
    expect(second).toMatchObject({ id: "e2", status: "accepted", newConversation: false, charged: true, conversationId: first?.conversationId });
    expect(third?.charged).toBe(false);
    expect(fourth?.charged).toBe(false);
    expect(body.balance).toEqual({ remaining: 49, overage: 0 });

    const usage = await api.request<Record<string, unknown>>("/api/v1/usage");
    expect(usage.body).toMatchObject({ usedThisPeriod: 1, plan: { id: "free", included: 50 }, remaining: { plan: 49, packs: 0, total: 49 }, overage: 0 });
    await expectLedgerConsistent(workspaceId);
  });

  it("accepts a single event object, not only batches", async () => {
    const { api } = await newWorkspace();
    const { status, body } = await api.postEvents({ id: "solo", endUserId: "bob", role: "user" });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({ id: "solo", status: "accepted", newConversation: true });
  });

  it("treats a repeated id as a no-op that reports the original outcome", async () => {
    const { api, workspaceId } = await newWorkspace();
    const original = await api.postEvents([
      { id: "q", endUserId: "carol", role: "user" },
      { id: "a", endUserId: "carol", role: "assistant" },
    ]);
    const replay = await api.postEvents([{ id: "a", endUserId: "carol", role: "assistant", text: "different text is ignored" }]);
    expect(replay.body.results[0]).toEqual({ ...original.body.results[1], status: "duplicate" });
    const inBatch = await api.postEvents([
      { id: "n1", endUserId: "dave", role: "user" },
      { id: "n1", endUserId: "dave", role: "user" },
    ]);
    expect(inBatch.body.results.map((r) => r.status)).toEqual(["accepted", "duplicate"]);
    expect(inBatch.body.results[1]?.conversationId).toBe(inBatch.body.results[0]?.conversationId);
    const counts = await queryOne<{ events: number; conversations: number }>(
      databaseUrl,
      `SELECT (SELECT count(*)::int FROM events WHERE workspace_id = $1) AS events, (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations`,
      [workspaceId],
    );
    expect(counts).toEqual({ events: 3, conversations: 2 });
    expect((await expectLedgerConsistent(workspaceId)).debits).toBe(1);
  });

  it("rejects a batch with any invalid event as a whole, listing every problem, and stores nothing", async () => {
    const { api, workspaceId } = await newWorkspace();
    const { status, body } = await api.postEvents<{ error: { code: string; issues: { index: number; field: string; message: string }[] } }>([
      { id: "ok", endUserId: "erin", role: "user" },
      { id: "bad-role", endUserId: "erin", role: "bot" },
      { endUserId: "erin", role: "user" },
      { id: "future", endUserId: "erin", role: "user", timestamp: new Date(Date.now() + 10 * 60_000).toISOString() },
      { id: "old", endUserId: "erin", role: "user", timestamp: new Date(Date.now() - 36 * 24 * 3600_000).toISOString() },
      { id: "close-with-role", type: "close", endUserId: "erin", role: "user" },
      { id: "no-role", endUserId: "erin" },
      { id: "extra", endUserId: "erin", role: "user", colour: "blue" },
      { id: "long", endUserId: "erin", role: "user", text: "x".repeat(4001) },
    ]);
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    const byIndex = (index: number) => body.error.issues.filter((issue) => issue.index === index).map((issue) => issue.field);
    expect(byIndex(0)).toEqual([]);
    expect(byIndex(1)).toEqual(["role"]);
    expect(byIndex(2)).toEqual(["id"]);
    expect(byIndex(3)).toEqual(["timestamp"]);
    expect(byIndex(4)).toEqual(["timestamp"]);
    expect(byIndex(5)).toEqual(["role"]);
    expect(byIndex(6)).toEqual(["role"]);
    expect(byIndex(7)).toEqual(["colour"]);
    expect(byIndex(8)).toEqual(["text"]);
    const stored = await queryOne<{ count: number }>(databaseUrl, `SELECT count(*)::int AS count FROM events WHERE workspace_id = $1`, [workspaceId]);
    expect(stored.count).toBe(0);
  });

  it("answers malformed JSON with 400, too many events or bytes with 413, and bad keys with 401", async () => {
    const { api, apiKey } = await newWorkspace();
    expect((await api.request("/api/v1/events", { method: "POST", body: "{not json" })).status).toBe(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ id: `e${i}`, endUserId: "u", role: "user" }));
    expect((await api.postEvents(tooMany)).status).toBe(413);
    const huge = { id: "big", endUserId: "u", role: "user", text: "x".repeat(1_100_000) };
    expect((await api.request("/api/v1/events", { method: "POST", body: JSON.stringify(huge) })).status).toBe(413);
    for (const key of ["", "ck_live_unknown", `${apiKey}x`, "Basic abc"]) {
      const response = await new ApiClient(appUrl, key).postEvents({ id: "x", endUserId: "u", role: "user" });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: "unauthorized" } });
    }
  });

  it("refuses a revoked key at once", async () => {
    const { api, apiKey } = await newWorkspace();
    expect((await api.request("/api/v1/usage")).status).toBe(200);
    await queryOne(databaseUrl, `UPDATE api_keys SET revoked_at = now() WHERE key_hash = encode(sha256($1::bytea), 'hex')`, [apiKey]);
    expect((await api.request("/api/v1/usage")).status).toBe(401);
  });

  it("records test and preview traffic without charging it", async () => {
    const { api, workspaceId } = await newWorkspace();
    const { body } = await api.postEvents([
      { id: "t1", endUserId: "owner", channel: "test", role: "user" },
      { id: "t2", endUserId: "owner", channel: "test", role: "assistant" },
      { id: "p1", endUserId: "owner", channel: "preview", role: "user" },
      { id: "p2", endUserId: "owner", channel: "preview", role: "assistant" },
    ]);
    expect(body.results.every((r) => !r.charged)).toBe(true);
    expect(body.balance.remaining).toBe(50);
    const list = await api.request<{ data: { channel: string; billable: boolean }[] }>("/api/v1/conversations?channel=test");
    expect(list.body.data).toEqual([expect.objectContaining({ channel: "test", billable: false })]);
    const usage = await api.request<{ conversations: { test: number; billable: number } }>("/api/v1/usage");
    expect(usage.body.conversations).toMatchObject({ test: 2, billable: 0 });
    expect((await expectLedgerConsistent(workspaceId)).debits).toBe(0);
  });
});

describe("conversation boundaries through the API", () => {
  let api: ApiClient;
  let results: EventsResponse["results"];
  beforeAll(async () => {
    ({ api } = await newWorkspace({ timeoutMinutes: 30 }));
    ({
      body: { results },
    } = await api.postEvents([
      { id: "g1", endUserId: "greet", role: "assistant", text: "Hello! Need help?", timestamp: minutesAgo(200) },
      { id: "t1", endUserId: "tim", role: "user", timestamp: minutesAgo(100) },
      { id: "t2", endUserId: "tim", role: "assistant", timestamp: minutesAgo(99) },
      { id: "t3", endUserId: "tim", role: "user", timestamp: minutesAgo(69) },
      { id: "t4", endUserId: "tim", role: "user", timestamp: minutesAgo(38) },
      { id: "c1", endUserId: "cleo", role: "user", timestamp: minutesAgo(20) },
      { id: "c2", endUserId: "cleo", role: "assistant", timestamp: minutesAgo(19) },
      { id: "c3", endUserId: "cleo", type: "close", timestamp: minutesAgo(18) },
      { id: "c4", endUserId: "cleo", role: "user", timestamp: minutesAgo(17) },
      { id: "h1", endUserId: "hana", threadId: "A", role: "user", timestamp: minutesAgo(10) },
      { id: "h2", endUserId: "hana", threadId: "B", role: "user", timestamp: minutesAgo(9) },
      { id: "o1", endUserId: "otto", topic: "billing", role: "user", timestamp: minutesAgo(8) },
      { id: "o2", endUserId: "otto", role: "assistant", timestamp: minutesAgo(7) },
      { id: "o3", endUserId: "otto", topic: "shipping", role: "user", timestamp: minutesAgo(6) },
      { id: "s1", endUserId: "sys", role: "system", text: "bot restarted", timestamp: minutesAgo(5) },
    ]));
  });
  const result = (id: string) => results.find((r) => r.id === id);

  it("does not charge a proactive greeting nobody answered", () => {
    expect(result("g1")).toMatchObject({ newConversation: true, charged: false });
  });

  it("continues within the timeout (exactly 30 minutes later) and starts anew past it", () => {
    expect(result("t3")).toMatchObject({ newConversation: false, conversationId: result("t1")?.conversationId });
    expect(result("t4")).toMatchObject({ newConversation: true });
  });

  it("starts a new conversation after an explicit close and for another thread", () => {
    expect(result("c4")).toMatchObject({ newConversation: true });
    expect(result("c4")?.conversationId).not.toBe(result("c1")?.conversationId);
    expect(result("h2")?.conversationId).not.toBe(result("h1")?.conversationId);
  });

  it("starts a new conversation when the topic changes, and records a system message on none", () => {
    expect(result("o3")).toMatchObject({ newConversation: true });
    expect(result("s1")).toMatchObject({ conversationId: null, newConversation: false, charged: false });
  });

  it("lists each conversation with its derived status and close reason", async () => {
    const list = await api.request<{ data: { id: string; endUserId: string; status: string; closeReason: string | null; billable: boolean; topic: string | null }[] }>(
      "/api/v1/conversations?limit=200",
    );
    const byId = new Map(list.body.data.map((c) => [c.id, c]));
    expect(byId.get(result("g1")?.conversationId ?? "")).toMatchObject({ status: "cancelled", closeReason: "timeout", billable: false });
    expect(byId.get(result("t1")?.conversationId ?? "")).toMatchObject({ status: "closed", closeReason: "timeout", billable: true });
    expect(byId.get(result("t4")?.conversationId ?? "")).toMatchObject({ status: "cancelled", billable: false });
    expect(byId.get(result("c1")?.conversationId ?? "")).toMatchObject({ status: "closed", closeReason: "closed", billable: true });
    expect(byId.get(result("c4")?.conversationId ?? "")).toMatchObject({ status: "open", closeReason: null });
    expect(byId.get(result("o1")?.conversationId ?? "")).toMatchObject({ closeReason: "topic_change", topic: "billing", billable: true });
    expect(byId.get(result("o3")?.conversationId ?? "")).toMatchObject({ status: "open", topic: "shipping" });
    expect(list.body.data).toHaveLength(9);
  });

  it("returns a conversation's messages in order, and 404 for unknown ids", async () => {
    const detail = await api.request<{ messages: { id: string; role: string }[]; charge: { source: string } | null }>(
      `/api/v1/conversations/${result("t1")?.conversationId}`,
    );
    expect(detail.body.messages.map((m) => [m.id, m.role])).toEqual([
      ["t1", "user"],
      ["t2", "assistant"],
      ["t3", "user"],
    ]);
    expect(detail.body.charge).toMatchObject({ source: "plan" });
    expect((await api.request("/api/v1/conversations/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await api.request("/api/v1/conversations/not-a-uuid")).status).toBe(404);
  });

  it("hides one workspace's conversations from another's key", async () => {
    const other = await newWorkspace();
    const response = await other.api.request(`/api/v1/conversations/${result("t1")?.conversationId}`);
    expect(response.status).toBe(404);
    const list = await other.api.request<{ data: unknown[] }>("/api/v1/conversations");
    expect(list.body.data).toEqual([]);
  });
});
