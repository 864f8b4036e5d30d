import pg from "pg";

/**
 * Adds `count` answered, charged conversations of 6 messages each (3 questions, 3 answers) to one
 * workspace, spread over the last 20 days, with their keys, events, ledger debits and daily counts,
 * set-based in SQL so a million take a few minutes. Credits are granted to cover them, so the
 * ledger invariants still hold.
 */
export async function seedScale(databaseUrl: string, workspaceId: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query(
      `CREATE TEMP TABLE seed AS
       SELECT g AS n, gen_random_uuid() AS conversation_id, 'scale-user-' || g AS end_user_id,
              now() - interval '20 days' + (g::float8 / $1) * interval '20 days' AS started_at
         FROM generate_series(1, $1) AS g`,
      [count],
    );
    await client.query(
      `INSERT INTO conversation_keys (workspace_id, channel, end_user_id, thread_id) SELECT $1, 'live', end_user_id, '' FROM seed`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO conversations (id, workspace_id, key_id, channel, end_user_id, thread_id, started_at, last_activity_at, closed_at, close_reason,
                                  message_count, user_message_count, assistant_message_count, answered, billable, charged_at)
       SELECT s.conversation_id, $1, k.id, 'live', s.end_user_id, '', s.started_at, s.started_at + interval '150 seconds',
              s.started_at + interval '150 seconds', 'closed', 6, 3, 3, true, true, s.started_at + interval '30 seconds'
         FROM seed s JOIN conversation_keys k ON k.workspace_id = $1 AND k.channel = 'live' AND k.end_user_id = s.end_user_id AND k.thread_id = ''`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO events (workspace_id, event_id, type, role, key_id, conversation_id, new_conversation, charged, allowed, at, received_at, text)
       SELECT $1, 'scale-' || s.n || '-' || m, 'message', CASE WHEN m % 2 = 1 THEN 'user' ELSE 'assistant' END::message_role,
              c.key_id, s.conversation_id, m = 1, m = 2, true, s.started_at + (m * 30) * interval '1 second',
              s.started_at + (m * 30) * interval '1 second', CASE WHEN m % 2 = 1 THEN 'Question number ' || m ELSE 'Here is a helpful answer.' END
         FROM seed s JOIN conversations c ON c.id = s.conversation_id, generate_series(1, 6) AS m`,
      [workspaceId],
    );
    await client.query(
      `WITH pack AS (INSERT INTO credit_packs (workspace_id, pack_id, granted, used) VALUES ($1, 'grant', $2, $2) RETURNING id),
            granted AS (INSERT INTO ledger_entries (workspace_id, kind, amount, credit_pack_id, description) SELECT $1, 'adjustment', $2, id, 'Benchmark seed' FROM pack)
       INSERT INTO ledger_entries (workspace_id, kind, amount, source, credit_pack_id, conversation_id, description, created_at)
       SELECT $1, 'debit', -1, 'pack', pack.id, s.conversation_id, 'Conversation charged', s.started_at FROM seed s, pack`,
      [workspaceId, count],
    );
    await client.query(
      // Every seeded conversation has 6 messages over 150 s: buckets "5–8" and "1–5 min".
      `INSERT INTO usage_daily (workspace_id, day, channel, conversations, answered, charged, messages, message_buckets, duration_buckets)
       SELECT $1, (s.started_at AT TIME ZONE w.time_zone)::date, 'live', count(*), count(*), count(*), 6 * count(*),
              ARRAY[0, 0, 0, count(*), 0, 0], ARRAY[0, count(*), 0, 0, 0, 0]
         FROM seed s, workspaces w WHERE w.id = $1 GROUP BY 2
       ON CONFLICT (workspace_id, day, channel) DO UPDATE SET conversations = usage_daily.conversations + excluded.conversations,
         answered = usage_daily.answered + excluded.answered, charged = usage_daily.charged + excluded.charged, messages = usage_daily.messages + excluded.messages,
         message_buckets = add_buckets(usage_daily.message_buckets, excluded.message_buckets),
         duration_buckets = add_buckets(usage_daily.duration_buckets, excluded.duration_buckets)`,
      [workspaceId],
    );
    // A database at rest, as autovacuum leaves it: without this, vacuuming the 6M new rows would run
    // during the measurements that follow.
    for (const table of ["conversation_keys", "conversations", "events", "ledger_entries", "usage_daily"]) await client.query(`VACUUM (ANALYZE) ${table}`);
  } finally {
    await client.end();
  }
}
