import { describe, expect, inject, it } from "vitest";
import { grantCredits } from "@/lib/credits/grant-credits";
import { ApiClient } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { checkLedger, queryOne } from "../support/invariants";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

/** `count` answered conversations, one per new end user. */
async function converse(api: ApiClient, count: number, prefix = Math.random().toString(36).slice(2, 8)) {
  const events = Array.from({ length: count }, (_, i) => [
    { id: `${prefix}-${i}-q`, endUserId: `${prefix}-${i}`, role: "user" },
    { id: `${prefix}-${i}-a`, endUserId: `${prefix}-${i}`, role: "assistant" },
  ]).flat();
  const { status, body } = await api.postEvents(events);
  expect(status).toBe(200);
  return body;
}

async function sources(workspaceId: string) {
  return queryOne<{ plan: number; pack: number; overage: number }>(
    databaseUrl,
    `SELECT count(*) FILTER (WHERE source = 'plan')::int AS plan, count(*) FILTER (WHERE source = 'pack')::int AS pack,
            count(*) FILTER (WHERE source = 'overage')::int AS overage FROM ledger_entries WHERE workspace_id = $1 AND kind = 'debit'`,
    [workspaceId],
  );
}

async function expectInvariants(workspaceId: string) {
  const check = await checkLedger(databaseUrl, workspaceId);
  expect(check.debits).toBe(check.billableConversations);
  expect(check.ledgerSum).toBe(check.balanceFromBuckets);
}

describe("credit ledger", () => {
  it("draws the plan allowance first, then packs oldest first, then overage, which the next pack pays off", async () => {
    const workspace = await createTestWorkspace();
    const api = new ApiClient(appUrl, workspace.apiKey);
    await grantCredits({ workspaceId: workspace.workspaceId, amount: 3, reason: "older grant", actorUserId: null });
    await grantCredits({ workspaceId: workspace.workspaceId, amount: 2, reason: "newer grant", actorUserId: null });

    const first = await converse(api, 52);
    expect(first.balance).toEqual({ remaining: 3, overage: 0 });
    const packs = await queryOne<{ older: number; newer: number }>(
      databaseUrl,
      `SELECT (array_agg(used ORDER BY created_at, id))[1] AS older, (array_agg(used ORDER BY created_at, id))[2] AS newer FROM credit_packs WHERE workspace_id = $1`,
      [workspace.workspaceId],
    );
    expect(packs).toEqual({ older: 2, newer: 0 });
    await expectInvariants(workspace.workspaceId);

    const second = await converse(api, 5);
    expect(second.balance).toEqual({ remaining: 0, overage: 2 });
    expect(await sources(workspace.workspaceId)).toEqual({ plan: 50, pack: 5, overage: 2 });
    await expectInvariants(workspace.workspaceId);

    const grant = await grantCredits({ workspaceId: workspace.workspaceId, amount: 10, reason: "top-up", actorUserId: null });
    expect(grant.settledOverage).toBe(2);
    const usage = await api.request<{ remaining: { total: number; packs: number }; overage: number; usedThisPeriod: number }>("/api/v1/usage");
    expect(usage.body).toMatchObject({ remaining: { total: 8, packs: 8 }, overage: 0, usedThisPeriod: 57 });
    await expectInvariants(workspace.workspaceId);
  });

  it("with the pause policy, records conversations beyond the balance as blocked and never charges them", async () => {
    const workspace = await createTestWorkspace();
    const api = new ApiClient(appUrl, workspace.apiKey);
    await converse(api, 49);
    await queryOne(databaseUrl, `UPDATE workspaces SET overage_policy = 'pause' WHERE id = $1`, [workspace.workspaceId]);

    const { body } = await api.postEvents([
      { id: "x-q", endUserId: "x", role: "user" },
      { id: "y-q", endUserId: "y", role: "user" },
      { id: "x-a", endUserId: "x", role: "assistant" },
      { id: "y-a", endUserId: "y", role: "assistant" },
      { id: "z-q", endUserId: "z", role: "user" },
    ]);
    const byId = Object.fromEntries(body.results.map((r) => [r.id, r]));
    expect(byId["x-a"]).toMatchObject({ charged: true, allowed: true });
    expect(byId["y-a"]).toMatchObject({ charged: false, allowed: false });
    expect(byId["y-q"]?.allowed).toBe(false);
    expect(byId["z-q"]).toMatchObject({ newConversation: true, allowed: false });
    expect(body.balance).toEqual({ remaining: 0, overage: 0 });

    const list = await api.request<{ data: { endUserId: string; blocked: boolean; billable: boolean }[] }>("/api/v1/conversations?endUserId=y");
    expect(list.body.data).toEqual([expect.objectContaining({ blocked: true, billable: false })]);
    await expectInvariants(workspace.workspaceId);
  });

  it("with the continue policy, keeps serving and records overage", async () => {
    const workspace = await createTestWorkspace();
    const api = new ApiClient(appUrl, workspace.apiKey);
    const body = await converse(api, 53);
    expect(body.results.filter((r) => r.charged)).toHaveLength(53);
    expect(body.results.every((r) => r.allowed)).toBe(true);
    expect(body.balance).toEqual({ remaining: 0, overage: 3 });
    await expectInvariants(workspace.workspaceId);
  });
});
