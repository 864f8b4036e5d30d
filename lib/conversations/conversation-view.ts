import { deriveStatus } from "@/lib/metering/derive-status";
import type { Channel, CloseReason, ConversationStatus } from "@/lib/metering/types";

export interface ConversationRow {
  id: string;
  end_user_id: string;
  thread_id: string;
  channel: Channel;
  topic: string | null;
  started_at: Date;
  last_activity_at: Date;
  closed_at: Date | null;
  close_reason: CloseReason | null;
  answered: boolean;
  billable: boolean;
  blocked: boolean;
  charged_at: Date | null;
  message_count: number;
  user_message_count: number;
  assistant_message_count: number;
}

export interface ConversationView {
  id: string;
  endUserId: string;
  threadId: string | null;
  channel: Channel;
  topic: string | null;
  status: ConversationStatus;
  closeReason: CloseReason | null;
  billable: boolean;
  blocked: boolean;
  chargedAt: string | null;
  startedAt: string;
  lastActivityAt: string;
  messageCount: number;
  userMessageCount: number;
  assistantMessageCount: number;
}

export const CONVERSATION_COLUMNS = `id, end_user_id, thread_id, channel, topic, started_at, last_activity_at, closed_at, close_reason,
  answered, billable, blocked, charged_at, message_count, user_message_count, assistant_message_count`;

/** The API's view of a row: status and close reason derived now, so they are never stale. */
export function toConversationView(row: ConversationRow, now: number, timeoutMs: number): ConversationView {
  const status = deriveStatus({ closedAt: row.closed_at?.getTime() ?? null, lastActivityAt: row.last_activity_at.getTime(), answered: row.answered }, now, timeoutMs);
  return {
    id: row.id,
    endUserId: row.end_user_id,
    threadId: row.thread_id || null,
    channel: row.channel,
    topic: row.topic,
    status,
    closeReason: row.close_reason ?? (status === "open" ? null : "timeout"),
    billable: row.billable,
    blocked: row.blocked,
    chargedAt: row.charged_at?.toISOString() ?? null,
    startedAt: row.started_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    messageCount: row.message_count,
    userMessageCount: row.user_message_count,
    assistantMessageCount: row.assistant_message_count,
  };
}
