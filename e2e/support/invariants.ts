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

const bucketCounts = (column: string) => `ARRAY[${[0, 1, 2, 3, 4, 5].map((i) => `count(*) FILTER (WHERE ${column} = ${i})::int`).join(", ")}]`;

/**
 * Days whose rollup row (`usage_daily`, which the overview reads) differs from a scan of the
 * workspace's conversations: counts, messages and both histograms must match exactly.
 */
export async function usageRollupMismatches(databaseUrl: string, workspaceId: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `WITH bucketed AS (
         SELECT (c.started_at AT TIME ZONE w.time_zone)::date AS day, c.channel, c.answered, c.billable, c.message_count,
                width_bucket(c.message_count, ARRAY[2, 3, 5, 9, 17]) AS m,
                width_bucket(extract(epoch FROM c.last_activity_at - c.started_at)::float8, ARRAY[60, 300, 900, 1800, 3600]::float8[]) AS d
           FROM conversations c JOIN workspaces w ON w.id = c.workspace_id WHERE c.workspace_id = $1),
       scan AS (
         SELECT day, channel, count(*)::int AS conversations, count(*) FILTER (WHERE answered)::int AS answered,
                count(*) FILTER (WHERE billable)::int AS charged, sum(message_count)::int AS messages,
                ${bucketCounts("m")} AS message_buckets, ${bucketCounts("d")} AS duration_buckets
           FROM bucketed GROUP BY day, channel)
       SELECT coalesce(s.day, u.day) AS day, coalesce(s.channel, u.channel) AS channel, to_jsonb(s) AS scanned, to_jsonb(u) AS rollup
         FROM scan s FULL JOIN (SELECT * FROM usage_daily WHERE workspace_id = $1) u ON u.day = s.day AND u.channel = s.channel
        WHERE (s.conversations, s.answered, s.charged, s.messages, s.message_buckets, s.duration_buckets)
              IS DISTINCT FROM (u.conversations, u.answered, u.charged, u.messages, u.message_buckets, u.duration_buckets)`,
      [workspaceId],
    );
    return rows;
  } finally {
    await client.end();
  }
}

export interface RowCounts {
  events: number;
  texts: number;
  conversations: number;
  conversationKeys: number;
  ledgerEntries: number;
  ledgerSum: number;
  rollups: number;
  auditEntries: number;
  apiKeys: number;
}

/**
 * Row counts of one workspace a refused request must leave alone: events, texts, conversations and
 * their keys, the ledger, rollups, audit log and API keys. (Only per workspace: other test files
 * write app-wide rows at the same time.)
 */
export async function rowCounts(databaseUrl: string, workspaceId: string): Promise<RowCounts> {
  return queryOne<RowCounts>(
    databaseUrl,
    `SELECT
       (SELECT count(*)::int FROM events WHERE workspace_id = $1) AS events,
       (SELECT count(*)::int FROM events WHERE workspace_id = $1 AND text IS NOT NULL) AS texts,
       (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations,
       (SELECT count(*)::int FROM conversation_keys WHERE workspace_id = $1) AS "conversationKeys",
       (SELECT count(*)::int FROM ledger_entries WHERE workspace_id = $1) AS "ledgerEntries",
       (SELECT coalesce(sum(amount), 0)::int FROM ledger_entries WHERE workspace_id = $1) AS "ledgerSum",
       (SELECT coalesce(sum(conversations + messages), 0)::int FROM usage_daily WHERE workspace_id = $1) AS rollups,
       (SELECT count(*)::int FROM audit_log WHERE workspace_id = $1) AS "auditEntries",
       (SELECT count(*)::int FROM api_keys WHERE workspace_id = $1) AS "apiKeys"`,
    [workspaceId],
  );
}
