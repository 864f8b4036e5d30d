import type { Queryable } from "@/lib/database/with-transaction";
import { RetryTransaction } from "@/lib/database/with-transaction";
import type { BatchPlan } from "./plan-batch";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Persists a batch plan with one statement per table, whatever the batch size.
 * Conversations first (events reference them), then events, then the keys' pointers.
 */
export async function writePlan(client: Queryable, workspaceId: string, plan: BatchPlan, receivedAt: Date): Promise<void> {
  const conversations = plan.conversations.map((change) => change.conversation);
  if (conversations.length) {
    await client.query(
      `INSERT INTO conversations (id, workspace_id, key_id, channel, end_user_id, thread_id, topic, started_at, last_activity_at,
                                  closed_at, close_reason, message_count, user_message_count, assistant_message_count,
                                  system_message_count, answered, billable, blocked, charged_at)
       SELECT c.id, $1, c.key_id, c.channel, c.end_user_id, c.thread_id, c.topic, c.started_at, c.last_activity_at,
              c.closed_at, c.close_reason, c.users + c.assistants + c.systems, c.users, c.assistants, c.systems,
              c.answered, c.billable, c.blocked, c.charged_at
         FROM unnest($2::uuid[], $3::bigint[], $4::channel[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
                     $9::timestamptz[], $10::timestamptz[], $11::close_reason[], $12::int[], $13::int[], $14::int[],
                     $15::bool[], $16::bool[], $17::bool[], $18::timestamptz[])
           AS c(id, key_id, channel, end_user_id, thread_id, topic, started_at, last_activity_at, closed_at, close_reason,
                users, assistants, systems, answered, billable, blocked, charged_at)
       ON CONFLICT (id) DO UPDATE SET
         topic = excluded.topic, started_at = excluded.started_at, last_activity_at = excluded.last_activity_at,
         closed_at = excluded.closed_at, close_reason = excluded.close_reason, message_count = excluded.message_count,
         user_message_count = excluded.user_message_count, assistant_message_count = excluded.assistant_message_count,
         system_message_count = excluded.system_message_count, answered = excluded.answered, billable = excluded.billable,
         blocked = excluded.blocked, charged_at = excluded.charged_at`,
      [
        workspaceId,
        conversations.map((c) => c.id),
        conversations.map((c) => c.keyId),
        conversations.map((c) => c.channel),
        conversations.map((c) => c.endUserId),
        conversations.map((c) => c.threadId),
        conversations.map((c) => c.topic),
        conversations.map((c) => iso(c.startedAt)),
        conversations.map((c) => iso(c.lastActivityAt)),
        conversations.map((c) => iso(c.closedAt)),
        conversations.map((c) => c.closeReason),
        conversations.map((c) => c.userMessageCount),
        conversations.map((c) => c.assistantMessageCount),
        conversations.map((c) => c.systemMessageCount),
        conversations.map((c) => c.answered),
        conversations.map((c) => c.billable),
        conversations.map((c) => c.blocked),
        conversations.map((c) => iso(c.chargedAt)),
      ],
    );
  }

  if (plan.events.length) {
    const events = plan.events;
    const inserted = await client.query(
      `INSERT INTO events (workspace_id, event_id, type, role, key_id, conversation_id, new_conversation, charged, allowed, topic, at, received_at, text)
       SELECT $1::uuid, e.event_id, e.type, e.role, e.key_id, e.conversation_id, e.new_conversation, e.charged, e.allowed, e.topic, e.at, $2::timestamptz, e.text
         FROM unnest($3::text[], $4::event_type[], $5::message_role[], $6::bigint[], $7::uuid[], $8::bool[], $9::bool[], $10::bool[],
                     $11::text[], $12::timestamptz[], $13::text[])
           WITH ORDINALITY AS e(event_id, type, role, key_id, conversation_id, new_conversation, charged, allowed, topic, at, text, position)
        ORDER BY e.position
       ON CONFLICT DO NOTHING`,
      [
        workspaceId,
        receivedAt.toISOString(),
        events.map((e) => e.event.eventId),
        events.map((e) => e.event.type),
        events.map((e) => e.event.role),
        events.map((e) => e.keyId),
        events.map((e) => e.conversationId),
        events.map((e) => e.newConversation),
        events.map((e) => e.charged),
        events.map((e) => e.allowed),
        events.map((e) => e.event.topic),
        events.map((e) => iso(e.event.at)),
        events.map((e) => e.event.text),
      ],
    );
    // Another transaction stored one of these ids under a different key after we looked: start over,
    // and the retry will report it as a duplicate instead of counting it twice.
    if (inserted.rowCount !== events.length) throw new RetryTransaction("An event id was stored concurrently.");
  }

  if (plan.keyPointers.length) {
    await client.query(
      `UPDATE conversation_keys k SET open_conversation_id = p.conversation_id
         FROM unnest($1::bigint[], $2::uuid[]) AS p(key_id, conversation_id) WHERE k.id = p.key_id`,
      [plan.keyPointers.map((p) => p.keyId), plan.keyPointers.map((p) => p.conversationId)],
    );
  }
}
