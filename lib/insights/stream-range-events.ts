import type pg from "pg";
import { pool } from "@/lib/db";
import type { Channel, MessageRole, ReplayEvent } from "@/lib/metering";

const KEYS_PER_BATCH = 5_000;
/** Cursors read side by side, each over its share of the keys, so PostgreSQL sorts on two cores. */
const PARTITIONS = 2;
const ROLES: (MessageRole | null)[] = [null, "user", "assistant", "system"];

/** One conversation key's events: kinds as one digit each (0 close, 1 user, 2 assistant, 3 system), times in ms after `start`. */
type Row = [key: string, channel: Channel, kinds: string, times: string, topics: (string | null)[] | null];

/**
 * A workspace's events of [start, end), grouped by conversation key, in arrival order within a key (the
 * order ingest applied them), read through server-side cursors a few thousand keys at a time.
 *
 * Each key travels as one row with its events packed into strings: a month is a million events, and
 * parsing a million rows costs more than sorting them. Memory holds a batch of keys per cursor (a
 * single key with an extreme number of events in the range makes its row that large).
 */
export async function* streamRangeEvents(workspaceId: string, start: Date, end: Date): AsyncGenerator<ReplayEvent[]> {
  const cursors: KeyCursor[] = [];
  try {
    for (let partition = 0; partition < PARTITIONS; partition++) cursors.push(await KeyCursor.open(workspaceId, start, end, partition));
    // Round robin: keys never span partitions, so each batch still holds whole keys.
    for (let active = [...cursors], turn = 0; active.length; turn++) {
      const cursor = active[turn % active.length];
      if (!cursor) break;
      const rows = await cursor.next();
      if (rows === null) active = active.filter((other) => other !== cursor);
      else if (rows.length) yield rows.flatMap((row) => toEvents(row, start.getTime()));
    }
  } finally {
    await Promise.all(cursors.map((cursor) => cursor.close()));
  }
}

/** One partition's cursor on its own connection and read-only transaction, always one fetch ahead. */
class KeyCursor {
  private inFlight: Promise<{ rows: Row[] }> | null;
  private broken = false;

  private constructor(private readonly client: pg.PoolClient) {
    this.inFlight = this.fetch();
  }

  static async open(workspaceId: string, start: Date, end: Date, partition: number): Promise<KeyCursor> {
    const client = await pool().connect();
    try {
      // The whole result is read, so plan for total time rather than the first rows; more memory
      // keeps a month's sort off the disk.
      await client.query("BEGIN READ ONLY; SET LOCAL cursor_tuple_fraction = 1.0; SET LOCAL work_mem = '128MB'");
      await client.query(
        `DECLARE range_events NO SCROLL CURSOR FOR
         SELECT g.key_id::text, k.channel::text, g.kinds, g.times, g.topics
           FROM (SELECT e.key_id,
                        string_agg(CASE WHEN e.type = 'close' THEN '0' WHEN e.role = 'user' THEN '1' WHEN e.role = 'assistant' THEN '2' ELSE '3' END, '' ORDER BY e.seq) AS kinds,
                        string_agg(round(date_part('epoch', e.at - $2::timestamptz) * 1000)::bigint::text, ',' ORDER BY e.seq) AS times,
                        CASE WHEN count(e.topic) > 0 THEN array_agg(e.topic ORDER BY e.seq) END AS topics
                   FROM events e
                  WHERE e.workspace_id = $1 AND e.at >= $2 AND e.at < $3 AND e.key_id % ${PARTITIONS} = $4
                  GROUP BY e.key_id) AS g
           JOIN conversation_keys k ON k.id = g.key_id`,
        [workspaceId, start, end, partition],
      );
    } catch (error) {
      client.release(true);
      throw error;
    }
    return new KeyCursor(client);
  }

  private fetch(): Promise<{ rows: Row[] }> {
    const rows = this.client.query<Row>({ text: `FETCH ${KEYS_PER_BATCH} FROM range_events`, rowMode: "array" });
    // Awaited later by next(); marked handled now so a failure while the caller is busy is not an
    // unhandled rejection (next() still throws it).
    rows.catch(() => undefined);
    return rows;
  }

  /** The next batch of keys (fetching the one after it meanwhile), or null once the cursor is done. */
  async next(): Promise<Row[] | null> {
    if (!this.inFlight) return null;
    try {
      const rows: Row[] = (await this.inFlight).rows;
      this.inFlight = rows.length === KEYS_PER_BATCH ? this.fetch() : null;
      return rows;
    } catch (error) {
      this.inFlight = null;
      this.broken = true;
      throw error;
    }
  }

  /** Ends the transaction; a stream abandoned midway (a closed download) still has a fetch in flight. */
  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    if (!this.broken) this.broken = await this.client.query("ROLLBACK").then(() => false, () => true);
    this.client.release(this.broken);
  }
}

function toEvents([key, channel, kinds, times, topics]: Row, startMs: number): ReplayEvent[] {
  const at = times.split(",");
  const events: ReplayEvent[] = new Array(kinds.length);
  for (let i = 0; i < kinds.length; i++) {
    const role = ROLES[kinds.charCodeAt(i) - 48] ?? null;
    events[i] = { key, channel, type: role === null ? "close" : "message", role, topic: topics?.[i] ?? null, at: startMs + Number(at[i]) };
  }
  return events;
}
