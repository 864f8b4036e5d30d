import { checkLedger, queryOne, usageRollupMismatches } from "./invariants";

export interface IngestCounts {
  conversations: number;
  billable: number;
  events: number;
}

/** A workspace's conversations, billable conversations and stored events, straight from the tables. */
export function countIngested(databaseUrl: string, workspaceId: string): Promise<IngestCounts> {
  return queryOne<IngestCounts>(
    databaseUrl,
    `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations,
            (SELECT count(*)::int FROM conversations WHERE workspace_id = $1 AND billable) AS billable,
            (SELECT count(*)::int FROM events WHERE workspace_id = $1) AS events`,
    [workspaceId],
  );
}

/**
 * The counts with the ledger's invariants and the daily rollups' agreement with a scan, for asserting
 * exact totals after a fault in one go.
 */
export async function ingestTotals(databaseUrl: string, workspaceId: string) {
  const counts = await countIngested(databaseUrl, workspaceId);
  const ledger = await checkLedger(databaseUrl, workspaceId);
  return {
    ...counts,
    debits: ledger.debits,
    ledgerSumEqualsBalance: ledger.ledgerSum === ledger.balanceFromBuckets,
    rollupMismatches: await usageRollupMismatches(databaseUrl, workspaceId),
  };
}
