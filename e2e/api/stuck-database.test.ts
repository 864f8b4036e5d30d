import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { ingestTotals } from "../support/ingest-totals";
import { startTestApp } from "../support/test-environment";

const databaseUrl = inject("databaseUrl");

describe("a database that stops answering", () => {
  it("answers 503 with Retry-After when a statement waits too long, writes nothing, and the retry lands once", async () => {
    const workspace = await createTestWorkspace();
    const app = await startTestApp(databaseUrl, { DATABASE_STATEMENT_TIMEOUT_MS: "1000" });
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      const api = new ApiClient(app.url, workspace.apiKey);
      const events = [
        { id: "stuck-1", endUserId: "stuck-customer", role: "user", text: "Hello?" },
        { id: "stuck-2", endUserId: "stuck-customer", role: "assistant", text: "Hi!" },
      ];
      // Another transaction holds the workspace row the charge must lock, and does not let go.
      await blocker.query("BEGIN");
      await blocker.query("SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE", [workspace.workspaceId]);
      const started = performance.now();
      const stuck = await fetch(`${app.url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${workspace.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
      });
      expect({ status: stuck.status, retryAfter: Number(stuck.headers.get("retry-after")) > 0, code: ((await stuck.json()) as { error: { code: string } }).error.code }).toEqual({
        status: 503,
        retryAfter: true,
        code: "unavailable",
      });
      expect(performance.now() - started).toBeLessThan(10_000);
      await blocker.query("ROLLBACK");

      const retried = await api.postEvents(events);
      expect(retried.status).toBe(200);
      expect(await ingestTotals(databaseUrl, workspace.workspaceId)).toEqual({
        conversations: 1,
        billable: 1,
        events: 2,
        debits: 1,
        ledgerSumEqualsBalance: true,
        rollupMismatches: [],
      });
    } finally {
      await blocker.end();
      await app.stop();
    }
  });
});
