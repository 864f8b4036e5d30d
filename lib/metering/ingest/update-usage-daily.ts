import type { Queryable } from "@/lib/database/with-transaction";
import { bump, durationBucket, emptyBuckets, messageBucket, type Buckets } from "@/lib/usage/conversation-shape";
import { shapeOf, type ConversationChange, type ConversationShape } from "./plan-batch";

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `ms` in `timeZone`. */
export function localDay(ms: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(ms);
}

interface DayDelta {
  day: string;
  channel: string;
  conversations: number;
  answered: number;
  charged: number;
  messages: number;
  messageBuckets: Buckets;
  durationBuckets: Buckets;
}

/**
 * The batch's effect on the per-day counts, by the conversation's start day in the workspace's time
 * zone. A conversation that grew moves from its old histogram buckets to its new ones, so the
 * rollups always equal a scan of the conversations.
 */
export function usageDeltas(changes: ConversationChange[], timeZone: string): DayDelta[] {
  const deltas = new Map<string, DayDelta>();
  const deltaFor = (startedAt: number, channel: string) => {
    const day = localDay(startedAt, timeZone);
    const id = `${day}|${channel}`;
    let delta = deltas.get(id);
    if (!delta) {
      delta = { day, channel, conversations: 0, answered: 0, charged: 0, messages: 0, messageBuckets: emptyBuckets(), durationBuckets: emptyBuckets() };
      deltas.set(id, delta);
    }
    return delta;
  };
  const countShape = (shape: ConversationShape, channel: string, sign: 1 | -1) => {
    const delta = deltaFor(shape.startedAt, channel);
    bump(delta.messageBuckets, messageBucket(shape.messages), sign);
    bump(delta.durationBuckets, durationBucket(shape.lastActivityAt - shape.startedAt), sign);
  };

  for (const change of changes) {
    const { conversation } = change;
    const delta = deltaFor(conversation.startedAt, conversation.channel);
    delta.conversations += change.isNew ? 1 : 0;
    delta.answered += change.answeredNow ? 1 : 0;
    delta.charged += change.chargedNow ? 1 : 0;
    delta.messages += change.messagesAdded;
    if (change.before) countShape(change.before, conversation.channel, -1);
    countShape(shapeOf(conversation), conversation.channel, 1);
  }
  return [...deltas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, delta]) => delta)
    .filter((d) => d.conversations || d.answered || d.charged || d.messages || d.messageBuckets.some(Boolean) || d.durationBuckets.some(Boolean));
}

/** Applies the deltas in the ingest transaction, rows in a fixed order so concurrent batches cannot deadlock. */
export async function updateUsageDaily(client: Queryable, workspaceId: string, changes: ConversationChange[], timeZone: string): Promise<void> {
  const rows = usageDeltas(changes, timeZone);
  if (!rows.length) return;
  const arrayLiteral = (buckets: Buckets) => `{${buckets.join(",")}}`;
  await client.query(
    `INSERT INTO usage_daily (workspace_id, day, channel, conversations, answered, charged, messages, message_buckets, duration_buckets)
     SELECT $1::uuid, d.day, d.channel, d.conversations, d.answered, d.charged, d.messages, d.message_buckets::int[], d.duration_buckets::int[]
       FROM unnest($2::date[], $3::channel[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[]) WITH ORDINALITY
         AS d(day, channel, conversations, answered, charged, messages, message_buckets, duration_buckets, position)
      ORDER BY d.position
     ON CONFLICT (workspace_id, day, channel) DO UPDATE SET
       conversations = usage_daily.conversations + excluded.conversations,
       answered = usage_daily.answered + excluded.answered,
       charged = usage_daily.charged + excluded.charged,
       messages = usage_daily.messages + excluded.messages,
       message_buckets = add_buckets(usage_daily.message_buckets, excluded.message_buckets),
       duration_buckets = add_buckets(usage_daily.duration_buckets, excluded.duration_buckets)`,
    [
      workspaceId,
      rows.map((r) => r.day),
      rows.map((r) => r.channel),
      rows.map((r) => r.conversations),
      rows.map((r) => r.answered),
      rows.map((r) => r.charged),
      rows.map((r) => r.messages),
      rows.map((r) => arrayLiteral(r.messageBuckets)),
      rows.map((r) => arrayLiteral(r.durationBuckets)),
    ],
  );
}
