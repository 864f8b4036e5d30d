// Public API of the metering rules; callers import from "lib/metering" only.
export type {
  Channel,
  ClosedByEvent,
  CloseReason,
  ConversationStatus,
  KeyEvent,
  MessageRole,
  OpenConversation,
  ReplayEvent,
  ReplayTotals,
  StepOutcome,
  StepResult,
} from "./types";
export { isChargeableChannel, isExpired, stepConversation } from "./step-conversation";
export { deriveStatus } from "./derive-status";
export { ConversationReplay } from "./replay-conversations";
