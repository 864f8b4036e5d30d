import type { Channel, CloseReason } from "@/lib/metering/types";

/** A conversation row as ingest reads and writes it (times in epoch ms). */
export interface StoredConversation {
  id: string;
  keyId: string;
  channel: Channel;
  endUserId: string;
  threadId: string;
  topic: string | null;
  startedAt: number;
  lastActivityAt: number;
  closedAt: number | null;
  closeReason: CloseReason | null;
  userMessageCount: number;
  assistantMessageCount: number;
  systemMessageCount: number;
  answered: boolean;
  billable: boolean;
  blocked: boolean;
  chargedAt: number | null;
}

/** A conversation key with the conversation it points at (possibly expired, never closed). */
export interface KeyState {
  keyId: string;
  open: StoredConversation | null;
}

/** What the API reports for an event, stored with it so a duplicate gets the same answer. */
export interface EventOutcome {
  conversationId: string | null;
  newConversation: boolean;
  charged: boolean;
  allowed: boolean;
}

export function conversationKey(event: { channel: Channel; endUserId: string; threadId: string }): string {
  // NUL cannot occur in validated ids, so it separates the parts unambiguously.
  return `${event.channel}\u0000${event.endUserId}\u0000${event.threadId}`;
}
