import type { Queryable } from "@/lib/database/with-transaction";
import type { ConversationChange } from "./plan-batch";

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

/**
 * Adds the batch's effect to the per-day counts (by the conversation's start day in the workspace's
 * time zone), in the ingest transaction, rows in a fixed order so concurrent batches cannot deadlock.
 */
export async function updateUsageDaily(client: Queryable, workspaceId: string, changes: ConversationChange[], timeZone: string): Promise<void> {
  const deltas = new Map<string, { day: string; channel: string; conversations: number; answered: number; charged: number; messages: number }>();
  for (const change of changes) {
    const { conversation } = change;
    const day = localDay(conversation.startedAt, timeZone);
    const id = `${day}|${conversation.channel}`;
    const delta = deltas.get(id) ?? { day, channel: conversation.channel, conversations: 0, answered: 0, charged: 0, messages: 0 };
    delta.conversations += change.isNew ? 1 : 0;
    delta.answered += change.answeredNow ? 1 : 0;
    delta.charged += change.chargedNow ? 1 : 0;
    delta.messages += change.messagesAdded;
    deltas.set(id, delta);
  }
  const rows = [...deltas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, delta]) => delta)
    .filter((d) => d.conversations || d.answered || d.charged || d.messages);
  if (!rows.length) return;
  await client.query(
    `INSERT INTO usage_daily (workspace_id, day, channel, conversations, answered, charged, messages)
     SELECT $1::uuid, d.day, d.channel, d.conversations, d.answered, d.charged, d.messages
       FROM unnest($2::date[], $3::channel[], $4::int[], $5::int[], $6::int[], $7::int[]) WITH ORDINALITY
         AS d(day, channel, conversations, answered, charged, messages, position)
      ORDER BY d.position
     ON CONFLICT (workspace_id, day, channel) DO UPDATE SET
       conversations = usage_daily.conversations + excluded.conversations,
       answered = usage_daily.answered + excluded.answered,
       charged = usage_daily.charged + excluded.charged,
       messages = usage_daily.messages + excluded.messages`,
    [workspaceId, rows.map((r) => r.day), rows.map((r) => r.channel), rows.map((r) => r.conversations), rows.map((r) => r.answered), rows.map((r) => r.charged), rows.map((r) => r.messages)],
  );
}
