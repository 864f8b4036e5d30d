import pg from "pg";

export interface LedgerCheck {
  billableConversations: number;
  debits: number;
  ledgerSum: number;
  balanceFromBuckets: number;
}

/**
 * The credit invariants of one workspace, read straight from the tables: every billable
 * conversation has exactly one debit (and no debit lacks one), and the ledger's sum equals the
 * current allowance left + pack credits left - outstanding overage.
 */
export async function checkLedger(databaseUrl: string, workspaceId: string): Promise<LedgerCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<LedgerCheck & { orphans: number }>(
      `SELECT
         (SELECT count(*)::int FROM conversations WHERE workspace_id = $1 AND billable) AS "billableConversations",
         (SELECT count(*)::int FROM ledger_entries WHERE workspace_id = $1 AND kind = 'debit') AS debits,
         (SELECT count(*)::int FROM ledger_entries l WHERE l.workspace_id = $1 AND l.kind = 'debit'
             AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = l.conversation_id AND c.billable)) AS orphans,
         (SELECT coalesce(sum(amount), 0)::int FROM ledger_entries WHERE workspace_id = $1) AS "ledgerSum",
         ((SELECT coalesce(sum(included - used), 0) FROM plan_periods WHERE workspace_id = $1 AND NOT expired)
          + (SELECT coalesce(sum(granted - used), 0) FROM credit_packs WHERE workspace_id = $1)
          - (SELECT overage_outstanding FROM workspaces WHERE id = $1))::int AS "balanceFromBuckets"`,
      [workspaceId],
    );
    const row = rows[0];
    if (!row) throw new Error("no row");
    if (row.orphans) throw new Error(`${row.orphans} debits point at no billable conversation`);
    const { orphans: _orphans, ...check } = row;
    return check;
  } finally {
    await client.end();
  }
}

export async function queryOne<T>(databaseUrl: string, sql: string, params: unknown[]): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(sql, params);
    return rows[0] as T;
  } finally {
    await client.end();
  }
}
