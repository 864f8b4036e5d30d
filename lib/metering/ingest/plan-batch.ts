import { isChargeableChannel, stepConversation } from "@/lib/metering/step-conversation";
import type { OpenConversation } from "@/lib/metering/types";
import type { ValidEvent } from "@/lib/metering/schemas";
import { conversationKey, type EventOutcome, type KeyState, type StoredConversation } from "./types";

export interface PlannedEvent extends EventOutcome {
  event: ValidEvent;
  keyId: string;
}

export interface EventResult {
  status: "accepted" | "duplicate";
  /** For an accepted event, its planned row; for a duplicate, the first occurrence's outcome. */
  outcome: EventOutcome;
}

export interface ConversationChange {
  conversation: StoredConversation;
  isNew: boolean;
  /** The stored conversation's shape before this batch (null when the batch created it), for the rollups. */
  before: ConversationShape | null;
  messagesAdded: number;
  answeredNow: boolean;
  chargedNow: boolean;
}

export interface ConversationShape {
  startedAt: number;
  lastActivityAt: number;
  messages: number;
}

export interface BatchPlan {
  results: EventResult[];
  /** New events to store, in arrival order. */
  events: PlannedEvent[];
  /** Every conversation created or changed by the batch. */
  conversations: ConversationChange[];
  /** Keys whose open-conversation pointer changed. */
  keyPointers: { keyId: string; conversationId: string | null }[];
  /** Conversations charged by this batch, in the order they became billable. */
  charged: string[];
}

export interface PlanInput {
  events: ValidEvent[];
  keys: Map<string, KeyState>;
  stored: Map<string, EventOutcome>;
  timeoutMs: number;
  /** Credits that may still be charged (the `pause` overage policy), or null for no limit. */
  chargeBudget: number | null;
  now: number;
  newConversationId: () => string;
}

/**
 * Applies the metering rules to a batch, key by key in arrival order, against the conversations the
 * database holds. Pure: the caller has locked the keys and persists the plan as it is.
 */
export function planBatch(input: PlanInput): BatchPlan {
  const changes = new Map<string, ConversationChange>();
  const initialPointers = new Map([...input.keys.values()].map((key) => [key.keyId, key.open?.id ?? null]));
  const firstSeen = new Map<string, PlannedEvent>();
  const results: EventResult[] = [];
  const events: PlannedEvent[] = [];
  const charged: string[] = [];
  let budget = input.chargeBudget;
  // A budget can start below zero (overage run up under `continue`, then switched to `pause`).
  const exhausted = () => budget !== null && budget <= 0;

  const track = (conversation: StoredConversation, isNew = false) => {
    let change = changes.get(conversation.id);
    if (!change) {
      change = { conversation, isNew, before: isNew ? null : shapeOf(conversation), messagesAdded: 0, answeredNow: false, chargedNow: false };
      changes.set(conversation.id, change);
    }
    return change;
  };

  for (const event of input.events) {
    // An in-batch repeat shares the first occurrence's (still updating) outcome object.
    const seen = input.stored.get(event.eventId) ?? firstSeen.get(event.eventId);
    if (seen) {
      results.push({ status: "duplicate", outcome: seen });
      continue;
    }
    const key = input.keys.get(conversationKey(event));
    if (!key) throw new Error("planBatch: every event's key must be loaded first.");

    const current = key.open && key.open.closedAt === null ? key.open : null;
    const step = stepConversation(current && toOpen(current), { type: event.type, role: event.role, topic: event.topic, at: event.at }, input.timeoutMs);
    if (current && step.outcome.closedPrevious) {
      current.closedAt = step.outcome.closedPrevious.at;
      current.closeReason = step.outcome.closedPrevious.reason;
      track(current);
      key.open = null;
    }

    let conversation: StoredConversation | null = null;
    let newConversation = false;
    let chargedNow = false;
    if (step.outcome.kind === "message" && step.open && step.outcome.attachedTo !== "none") {
      newConversation = step.outcome.attachedTo === "new";
      conversation = newConversation ? startConversation(input.newConversationId(), key.keyId, event, exhausted()) : (current as StoredConversation);
      const change = track(conversation, newConversation);
      applyOpen(conversation, step.open);
      key.open = conversation;
      change.messagesAdded += 1;
      if (step.outcome.becameAnswered) {
        change.answeredNow = true;
        if (isChargeableChannel(event.channel) && !conversation.blocked) {
          if (exhausted()) conversation.blocked = true;
          else {
            if (budget !== null) budget -= 1;
            conversation.billable = true;
            conversation.chargedAt = input.now;
            change.chargedNow = chargedNow = true;
            charged.push(conversation.id);
          }
        }
      }
    }

    const planned: PlannedEvent = {
      event,
      keyId: key.keyId,
      conversationId: conversation?.id ?? null,
      newConversation,
      charged: chargedNow,
      allowed: !conversation?.blocked,
    };
    firstSeen.set(event.eventId, planned);
    events.push(planned);
    results.push({ status: "accepted", outcome: planned });
  }

  // An event's "allowed" reflects its conversation once the whole batch is applied.
  for (const planned of events) {
    const conversation = planned.conversationId ? changes.get(planned.conversationId)?.conversation : undefined;
    if (conversation) planned.allowed = !conversation.blocked;
  }

  const keyPointers = [...input.keys.values()]
    .map((key) => ({ keyId: key.keyId, conversationId: key.open && key.open.closedAt === null ? key.open.id : null }))
    .filter((pointer) => pointer.conversationId !== initialPointers.get(pointer.keyId));

  return { results, events, conversations: [...changes.values()], keyPointers, charged };
}

export function shapeOf(conversation: StoredConversation): ConversationShape {
  const { startedAt, lastActivityAt, userMessageCount, assistantMessageCount, systemMessageCount } = conversation;
  return { startedAt, lastActivityAt, messages: userMessageCount + assistantMessageCount + systemMessageCount };
}

function toOpen(conversation: StoredConversation): OpenConversation {
  return {
    startedAt: conversation.startedAt,
    lastActivityAt: conversation.lastActivityAt,
    topic: conversation.topic,
    userMessageCount: conversation.userMessageCount,
    assistantMessageCount: conversation.assistantMessageCount,
    systemMessageCount: conversation.systemMessageCount,
    answered: conversation.answered,
  };
}

function applyOpen(conversation: StoredConversation, open: OpenConversation) {
  conversation.startedAt = open.startedAt;
  conversation.lastActivityAt = open.lastActivityAt;
  conversation.topic = open.topic;
  conversation.userMessageCount = open.userMessageCount;
  conversation.assistantMessageCount = open.assistantMessageCount;
  conversation.systemMessageCount = open.systemMessageCount;
  conversation.answered = open.answered;
}

function startConversation(id: string, keyId: string, event: ValidEvent, overBudget: boolean): StoredConversation {
  return {
    id,
    keyId,
    channel: event.channel,
    endUserId: event.endUserId,
    threadId: event.threadId,
    topic: null,
    startedAt: event.at,
    lastActivityAt: event.at,
    closedAt: null,
    closeReason: null,
    userMessageCount: 0,
    assistantMessageCount: 0,
    systemMessageCount: 0,
    answered: false,
    billable: false,
    // With the pause policy and nothing left, a new live conversation is recorded but never charged.
    blocked: overBudget && isChargeableChannel(event.channel),
    chargedAt: null,
  };
}
