import { describe, expect, inject, it } from "vitest";
import { createTestWorkspace } from "../support/fixtures";
import { ingestTotals } from "../support/ingest-totals";
import { FaultLog, RetryingClient, until } from "../support/retrying-client";
import { generateSessions, inBatches } from "../support/sessions";
import { startTestApp } from "../support/test-environment";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

describe("an app instance killed with SIGKILL in the middle of batch ingestion", () => {
  it("loses nothing and double-counts nothing while clients retry their unacknowledged batches on a second instance", async () => {
    const doomed = await startTestApp(databaseUrl);
    try {
      const workspace = await createTestWorkspace();
      const log = new FaultLog();
      // Six clients, each with its own end users sent in order, batch after batch, to instance A first.
      const perClient = Array.from({ length: 6 }, (_, client) => inBatches(generateSessions(100, { prefix: `crash${client}` }), 25));
      const batches = perClient.flat().length;
      const sent = perClient.flat(2).length;
      let acknowledged = 0;
      const ingestion = perClient.map(async (own) => {
        const client = new RetryingClient([doomed.url, appUrl], workspace.apiKey, log);
        for (const batch of own) {
          await client.send(batch);
          acknowledged += 1;
        }
      });

      const clients = Promise.allSettled(ingestion);
      await until(() => acknowledged >= batches / 3);
      doomed.crash();
      expect((await clients).filter((client) => client.status === "rejected")).toEqual([]);

      console.log(`Crash: ${log.cutMidRequest} requests cut mid-request by the kill, ${log.unanswered} unanswered in all, all ${acknowledged} batches acknowledged in the end`);
      expect(log.problems).toEqual([]);
      // The kill landed while batches were being ingested, and their retries went to instance B.
      expect(log.cutMidRequest).toBeGreaterThan(0);
      expect(acknowledged).toBe(batches);
      expect(await ingestTotals(databaseUrl, workspace.workspaceId)).toEqual({
        conversations: 600,
        billable: 600,
        events: sent,
        debits: 600,
        ledgerSumEqualsBalance: true,
        rollupMismatches: [],
      });
    } finally {
      await doomed.stop();
    }
  });
});
