import { pool } from "@/lib/db";
import type { Channel, MessageRole, ReplayEvent } from "@/lib/metering";

const KEYS_PER_BATCH = 5_000;
const ROLES: (MessageRole | null)[] = [null, "user", "assistant", "system"];

/** One conversation key's events: kinds as one digit each (0 close, 1 user, 2 assistant, 3 system), times as epoch ms. */
type Row = [key: string, channel: Channel, kinds: string, times: string, topics: (string | null)[] | null];

/**
 * A workspace's events of [start, end), grouped by conversation key, in arrival order within a key (the
 * order ingest applied them), read through a server-side cursor a few thousand keys at a time.
 *
 * Each key travels as one row with its events packed into strings: a month is a million events, and
 * parsing a million rows costs more than sorting them. Memory holds one batch of keys (a single key
 * with an extreme number of events in the range makes its row that large).
 */
export async function* streamRangeEvents(workspaceId: string, start: Date, end: Date): AsyncGenerator<ReplayEvent[]> {
  const client = await pool().connect();
  let broken = false;
  let next: Promise<{ rows: Row[] }> | null = null;
  try {
    await client.query("BEGIN READ ONLY");
    // The whole result is read, so plan for total time rather than the first rows; more memory keeps
    // a month's sort off the disk.
    await client.query("SET LOCAL cursor_tuple_fraction = 1.0; SET LOCAL work_mem = '128MB'");
    await client.query(
      `DECLARE range_events NO SCROLL CURSOR FOR
       SELECT g.key_id::text, k.channel::text, g.kinds, g.times, g.topics
         FROM (SELECT e.key_id,
                      string_agg(CASE WHEN e.type = 'close' THEN '0' WHEN e.role = 'user' THEN '1' WHEN e.role = 'assistant' THEN '2' ELSE '3' END, '' ORDER BY e.seq) AS kinds,
                      string_agg((extract(epoch FROM e.at) * 1000)::bigint::text, ',' ORDER BY e.seq) AS times,
                      CASE WHEN count(e.topic) > 0 THEN array_agg(e.topic ORDER BY e.seq) END AS topics
                 FROM events e
                WHERE e.workspace_id = $1 AND e.at >= $2 AND e.at < $3
                GROUP BY e.key_id) AS g
         JOIN conversation_keys k ON k.id = g.key_id`,
      [workspaceId, start, end],
    );
    const fetch = () => client.query<Row>({ text: `FETCH ${KEYS_PER_BATCH} FROM range_events`, rowMode: "array" });
    for (let pending = fetch(); ; ) {
      next = pending;
      const rows: Row[] = (await pending).rows;
      next = null;
      if (rows.length < KEYS_PER_BATCH) {
        if (rows.length) yield rows.flatMap(toEvents);
        break;
      }
      // Ask for the next batch before replaying this one, so PostgreSQL and the replay overlap.
      pending = next = fetch();
      yield rows.flatMap(toEvents);
    }
    await client.query("COMMIT");
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // An abandoned stream (a closed download) leaves a fetch in flight and the transaction open.
    await next?.catch(() => undefined);
    if (!broken) broken = await client.query("ROLLBACK").then(() => false, () => true);
    client.release(broken);
  }
}

function toEvents([key, channel, kinds, times, topics]: Row): ReplayEvent[] {
  const at = times.split(",");
  const events: ReplayEvent[] = new Array(kinds.length);
  for (let i = 0; i < kinds.length; i++) {
    const role = ROLES[kinds.charCodeAt(i) - 48] ?? null;
    events[i] = { key, channel, type: role === null ? "close" : "message", role, topic: topics?.[i] ?? null, at: Number(at[i]) };
  }
  return events;
}
