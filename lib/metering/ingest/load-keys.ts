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
  const locked = await client.query<{ key_id: string; channel: StoredConversation["channel"]; end_user_id: string; thread_id: string; open_conversation_id: string | null }>(
    `SELECT id AS key_id, channel, end_user_id, thread_id, open_conversation_id
       FROM conversation_keys
      WHERE workspace_id = $1
        AND (channel, end_user_id, thread_id) IN (SELECT * FROM unnest($2::channel[], $3::text[], $4::text[]))
      ORDER BY id
        FOR UPDATE`,
    params,
  );
  // An end-user erasure renames keys; one renamed while we waited for its lock no longer matches:
  // start again, and the insert above creates the customer's fresh key.
  if (locked.rows.length !== keys.length) throw new RetryTransaction("A conversation key was renamed by an erasure.");
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
    `SELECT event_id, conversation_id, new_conversation, charged, allowed FROM events WHERE workspace_id = $1 AND event_id = ANY($2::text[])`,
    [workspaceId, events.map((event) => event.eventId)],
  );
  return new Map(
    rows.map((row) => [row.event_id, { conversationId: row.conversation_id, newConversation: row.new_conversation, charged: row.charged, allowed: row.allowed }]),
  );
}
