import { pool } from "@/lib/db";
import type { Channel, MessageRole, ReplayEvent } from "@/lib/metering";

const BATCH = 10_000;

type Row = [key: string, channel: Channel, type: "message" | "close", role: MessageRole | null, topic: string | null, at: number];

/**
 * A workspace's events of [start, end), grouped by conversation key and in arrival order within a key
 * (the order ingest applied them), read through a server-side cursor in batches so memory stays flat
 * however many events the range holds.
 */
export async function* streamRangeEvents(workspaceId: string, start: Date, end: Date): AsyncGenerator<ReplayEvent[]> {
  const client = await pool().connect();
  let broken = false;
  try {
    await client.query("BEGIN READ ONLY");
    // The ORDER BY sorts the range once in PostgreSQL; more memory keeps a month's sort off the disk.
    await client.query("SET LOCAL work_mem = '64MB'");
    await client.query(
      `DECLARE range_events NO SCROLL CURSOR FOR
       SELECT e.key_id::text, k.channel::text, e.type::text, e.role::text, e.topic, (extract(epoch FROM e.at) * 1000)::float8
         FROM events e JOIN conversation_keys k ON k.id = e.key_id
        WHERE e.workspace_id = $1 AND e.at >= $2 AND e.at < $3
        ORDER BY e.key_id, e.seq`,
      [workspaceId, start, end],
    );
    for (;;) {
      const { rows } = await client.query<Row>({ text: `FETCH ${BATCH} FROM range_events`, rowMode: "array" });
      if (rows.length) yield rows.map(([key, channel, type, role, topic, at]) => ({ key, channel, type, role, topic, at }));
      if (rows.length < BATCH) break;
    }
    await client.query("COMMIT");
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // An abandoned stream (a closed download) leaves the transaction open: drop that connection.
    if (!broken) broken = await client.query("ROLLBACK").then(() => false, () => true);
    client.release(broken);
  }
}
