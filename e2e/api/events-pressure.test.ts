import { describe, expect, inject, it } from "vitest";
import { ApiClient, type EventsResponse } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { ingestTotals } from "../support/ingest-totals";
import { generateSessions, inBatches } from "../support/sessions";
import { startTestApp } from "../support/test-environment";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

/** Exact totals of a workspace, after checking the ledger and the daily rollups. */
async function totals(workspaceId: string) {
  const { debits, ledgerSumEqualsBalance, rollupMismatches, ...counts } = await ingestTotals(databaseUrl, workspaceId);
  expect(debits).toBe(counts.billable);
  expect(ledgerSumEqualsBalance).toBe(true);
  expect(rollupMismatches).toEqual([]);
  return counts;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("exactly once under retries and concurrency", () => {
  it("changes nothing when any batch is replayed, whole or in part, in any order", async () => {
    const workspace = await createTestWorkspace();
    const api = new ApiClient(appUrl, workspace.apiKey);
    const events = generateSessions(40);
    const originals = new Map<string, EventsResponse["results"][number]>();
    for (const batch of inBatches(events, 60)) {
      const { status, body } = await api.postEvents(batch);
      expect(status).toBe(200);
      for (const result of body.results) originals.set(result.id, result);
    }
    const before = await totals(workspace.workspaceId);
    expect(before).toEqual({ conversations: 40, billable: 40, events: events.length });

    for (let round = 0; round < 3; round++) {
      const subset = shuffled(events, round + 1).slice(0, 20 + round * 40);
      const { body } = await api.postEvents(subset);
      for (const result of body.results) expect(result).toEqual({ ...originals.get(result.id), status: "duplicate" });
    }
    expect(await totals(workspace.workspaceId)).toEqual(before);
  });

  it("makes one conversation and one charge of 50 concurrent requests for one end user, across two app instances", async () => {
    const second = await startTestApp(databaseUrl);
    try {
      const workspace = await createTestWorkspace();
      const apis = [new ApiClient(appUrl, workspace.apiKey), new ApiClient(second.url, workspace.apiKey)];
      const now = Date.now();
      await apis[0]?.postEvents([{ id: "first", endUserId: "eve", role: "user", timestamp: new Date(now - 60_000).toISOString() }]);
      const responses = await Promise.all(
        Array.from({ length: 49 }, (_, i) =>
          apis[i % 2]?.postEvents({ id: `m${i}`, endUserId: "eve", role: i % 3 === 0 ? "user" : "assistant", timestamp: new Date(now - 50_000 + i * 100).toISOString() }),
        ),
      );
      expect(responses.map((r) => r?.status)).toEqual(Array(49).fill(200));
      const charged = responses.flatMap((r) => r?.body.results ?? []).filter((r) => r.charged);
      expect(charged).toHaveLength(1);
      expect(new Set(responses.map((r) => r?.body.results[0]?.conversationId)).size).toBe(1);
      expect(await totals(workspace.workspaceId)).toEqual({ conversations: 1, billable: 1, events: 50 });
    } finally {
      await second.stop();
    }
  });
});
