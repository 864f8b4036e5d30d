import { RetryTransaction, type Queryable } from "@/lib/database/with-transaction";
import type { ValidEvent } from "@/lib/metering/schemas";
import { conversationKey, type EventOutcome, type KeyState, type StoredConversation } from "./types";

interface KeyRow {
  key_id: string;
  channel: StoredConversation["channel"];
  end_user_id: string;
  thread_id: string;
}

interface ConversationRow {
  id: string;
  topic: string | null;
  started_at: Date;
  last_activity_at: Date;
  closed_at: Date | null;
  close_reason: StoredConversation["closeReason"];
  user_message_count: number;
  assistant_message_count: number;
  system_message_count: number;
  answered: boolean;
  billable: boolean;
  blocked: boolean;
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
  // Found by one unique-index probe per key (LIMIT keeps each probe from being flattened into a join
  // that reads every key of the workspace when statistics are stale), locked in id order.
  const locked = await client.query<{ key_id: string; channel: StoredConversation["channel"]; end_user_id: string; thread_id: string; open_conversation_id: string | null }>(
    `SELECT id AS key_id, channel, end_user_id, thread_id, open_conversation_id
       FROM conversation_keys
      WHERE id IN (SELECT found.id FROM unnest($2::channel[], $3::text[], $4::text[]) AS wanted(channel, end_user_id, thread_id)
                   CROSS JOIN LATERAL (SELECT id FROM conversation_keys
                                        WHERE workspace_id = $1 AND channel = wanted.channel AND end_user_id = wanted.end_user_id
                                          AND thread_id = wanted.thread_id LIMIT 1) AS found)
      ORDER BY id
        FOR UPDATE`,
    params,
  );
  // An end-user erasure renames keys; the row locked after waiting for one is the renamed one: start
  // again, and the insert above creates the customer's fresh key.
  const lockedKeys = new Set(locked.rows.map((row) => conversationKey({ channel: row.channel, endUserId: row.end_user_id, threadId: row.thread_id })));
  if (lockedKeys.size !== keys.length || !keys.every((key) => lockedKeys.has(conversationKey(key)))) {
    throw new RetryTransaction("A conversation key was renamed by an erasure.");
  }
  // WARNING: read the conversations in a statement of their own, after the locks are held. Joined into
  // the locking query they would come from its starting snapshot, which misses what the transaction we
  // waited for just committed (and a conversation would be charged twice).
  const pointers = locked.rows.flatMap((row) => (row.open_conversation_id ? [row.open_conversation_id] : []));
  const conversations = pointers.length
    ? await client.query<ConversationRow>(
        `SELECT id, topic, started_at, last_activity_at, closed_at, close_reason, user_message_count, assistant_message_count,
                system_message_count, answered, billable, blocked, charged_at
           FROM conversations WHERE id = ANY($1::uuid[])`,
        [pointers],
      )
    : { rows: [] };
  const byId = new Map(conversations.rows.map((row) => [row.id, row]));
  return new Map(
    locked.rows.map((key) => [
      conversationKey({ channel: key.channel, endUserId: key.end_user_id, threadId: key.thread_id }),
      toKeyState(key, key.open_conversation_id ? byId.get(key.open_conversation_id) : undefined),
    ]),
  );
}

function toKeyState(key: KeyRow, row: ConversationRow | undefined): KeyState {
  if (!row) return { keyId: key.key_id, open: null };
  return {
    keyId: key.key_id,
    open: {
      id: row.id,
      keyId: key.key_id,
      channel: key.channel,
      endUserId: key.end_user_id,
      threadId: key.thread_id,
      topic: row.topic,
      startedAt: row.started_at.getTime(),
      lastActivityAt: row.last_activity_at.getTime(),
      closedAt: row.closed_at?.getTime() ?? null,
      closeReason: row.close_reason,
      userMessageCount: row.user_message_count,
      assistantMessageCount: row.assistant_message_count,
      systemMessageCount: row.system_message_count,
      answered: row.answered,
      billable: row.billable,
      blocked: row.blocked,
      chargedAt: row.charged_at?.getTime() ?? null,
    },
  };
}

/** Outcomes of events of the batch that were already stored (retries and replays). */
export async function findStoredOutcomes(client: Queryable, workspaceId: string, events: ValidEvent[]): Promise<Map<string, EventOutcome>> {
  const { rows } = await client.query<{ event_id: string; conversation_id: string | null; new_conversation: boolean; charged: boolean; allowed: boolean }>(
    // One primary-key probe per id whatever the statistics say (LIMIT keeps the subquery from being
    // flattened into a join): planned as `event_id = ANY(…)`, a table that grew since its last ANALYZE
    // was read whole through the (workspace, at) index and filtered, slower with every batch.
    `SELECT e.event_id, e.conversation_id, e.new_conversation, e.charged, e.allowed
       FROM unnest($2::text[]) AS wanted(event_id)
       CROSS JOIN LATERAL (SELECT * FROM events WHERE workspace_id = $1 AND event_id = wanted.event_id LIMIT 1) AS e`,
    [workspaceId, events.map((event) => event.eventId)],
  );
  return new Map(
    rows.map((row) => [row.event_id, { conversationId: row.conversation_id, newConversation: row.new_conversation, charged: row.charged, allowed: row.allowed }]),
  );
}
