import type { Queryable } from "@/lib/database/with-transaction";
import type { ValidEvent } from "@/lib/metering/schemas";
import { conversationKey, type EventOutcome, type KeyState, type StoredConversation } from "./types";

interface KeyRow {
  key_id: string;
  channel: StoredConversation["channel"];
  end_user_id: string;
  thread_id: string;
  id: string | null;
  topic: string | null;
  started_at: Date | null;
  last_activity_at: Date | null;
  closed_at: Date | null;
  close_reason: StoredConversation["closeReason"];
  user_message_count: number | null;
  assistant_message_count: number | null;
  system_message_count: number | null;
  answered: boolean | null;
  billable: boolean | null;
  blocked: boolean | null;
  charged_at: Date | null;
}

/**
 * Creates any missing conversation keys of the batch and locks them all, in one order shared by
 * every transaction (so concurrent batches queue per key instead of deadlocking), returning each
 * key with the conversation it points at.
 */
export async function lockKeys(client: Queryable, workspaceId: string, events: ValidEvent[]): Promise<Map<string, KeyState>> {
  const distinct = new Map<string, ValidEvent>();
  for (const event of events) distinct.set(conversationKey(event), event);
  const keys = [...distinct.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, event]) => event);
  const params = [workspaceId, keys.map((k) => k.channel), keys.map((k) => k.endUserId), keys.map((k) => k.threadId)];

  await client.query(
    `INSERT INTO conversation_keys (workspace_id, channel, end_user_id, thread_id)
     SELECT $1::uuid, k.channel, k.end_user_id, k.thread_id FROM unnest($2::channel[], $3::text[], $4::text[]) AS k(channel, end_user_id, thread_id)
     ON CONFLICT DO NOTHING`,
    params,
  );
  const { rows } = await client.query<KeyRow>(
    `SELECT k.id AS key_id, k.channel, k.end_user_id, k.thread_id, c.id, c.topic, c.started_at, c.last_activity_at,
            c.closed_at, c.close_reason, c.user_message_count, c.assistant_message_count, c.system_message_count,
            c.answered, c.billable, c.blocked, c.charged_at
       FROM conversation_keys k
       LEFT JOIN conversations c ON c.id = k.open_conversation_id
      WHERE k.workspace_id = $1
        AND (k.channel, k.end_user_id, k.thread_id) IN (SELECT * FROM unnest($2::channel[], $3::text[], $4::text[]))
      ORDER BY k.id
        FOR UPDATE OF k`,
    params,
  );
  return new Map(rows.map((row) => [conversationKey({ channel: row.channel, endUserId: row.end_user_id, threadId: row.thread_id }), toKeyState(row)]));
}

function toKeyState(row: KeyRow): KeyState {
  if (!row.id || !row.started_at || !row.last_activity_at) return { keyId: row.key_id, open: null };
  return {
    keyId: row.key_id,
    open: {
      id: row.id,
      keyId: row.key_id,
      channel: row.channel,
      endUserId: row.end_user_id,
      threadId: row.thread_id,
      topic: row.topic,
      startedAt: row.started_at.getTime(),
      lastActivityAt: row.last_activity_at.getTime(),
      closedAt: row.closed_at?.getTime() ?? null,
      closeReason: row.close_reason,
      userMessageCount: row.user_message_count ?? 0,
      assistantMessageCount: row.assistant_message_count ?? 0,
      systemMessageCount: row.system_message_count ?? 0,
      answered: row.answered ?? false,
      billable: row.billable ?? false,
      blocked: row.blocked ?? false,
      chargedAt: row.charged_at?.getTime() ?? null,
    },
  };
}

/** Outcomes of events of the batch that were already stored (retries and replays). */
export async function findStoredOutcomes(client: Queryable, workspaceId: string, events: ValidEvent[]): Promise<Map<string, EventOutcome>> {
  const { rows } = await client.query<{ event_id: string; conversation_id: string | null; new_conversation: boolean; charged: boolean; allowed: boolean }>(
    `SELECT event_id, conversation_id, new_conversation, charged, allowed FROM events WHERE workspace_id = $1 AND event_id = ANY($2::text[])`,
    [workspaceId, events.map((event) => event.eventId)],
  );
  return new Map(
    rows.map((row) => [row.event_id, { conversationId: row.conversation_id, newConversation: row.new_conversation, charged: row.charged, allowed: row.allowed }]),
  );
}
