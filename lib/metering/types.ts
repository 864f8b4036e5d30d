// Shapes shared by the pure metering rules. Kept free of runtime code so the
// ingest path, the UI and the what-if replay can all import them cheaply.

export type MessageRole = "user" | "assistant" | "system";
export type Channel = "live" | "test" | "preview";
export type CloseReason = "timeout" | "closed" | "topic_change";
export type ConversationStatus = "open" | "closed" | "cancelled";

export interface KeyEvent {
  type: "message" | "close";
  /** null for close events; a message must carry a role. */
  role: MessageRole | null;
  topic: string | null;
  /** Epoch milliseconds, as sent by the client; used only to measure gaps. */
  at: number;
}

export interface OpenConversation {
  startedAt: number;
  lastActivityAt: number;
  topic: string | null;
  userMessageCount: number;
  assistantMessageCount: number;
  systemMessageCount: number;
  answered: boolean;
}

export interface ClosedByEvent {
  reason: CloseReason;
  at: number;
}

export type StepOutcome =
  | {
      kind: "message";
      closedPrevious: ClosedByEvent | null;
      attachedTo: "existing" | "new" | "none";
      becameAnswered: boolean;
    }
  | { kind: "close"; closedPrevious: ClosedByEvent | null };

export interface StepResult {
  open: OpenConversation | null;
  outcome: StepOutcome;
}

/** One event of a multi-key stream; `key` must already identify workspace+channel+user+thread. */
export interface ReplayEvent extends KeyEvent {
  key: string;
  channel: Channel;
}

export interface ReplayTotals {
  conversations: number;
  answered: number;
  chargeable: number;
  cancelled: number;
}
