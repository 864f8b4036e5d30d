// A second, independent statement of the README's "How conversations are counted", written for
// tests only: the property tests compare the real engine with it. Keep it small and literal; it
// must not import anything from lib/metering.

export interface ModelEvent {
  id: string;
  type: "message" | "close";
  role?: "user" | "assistant" | "system";
  channel: "live" | "test" | "preview";
  endUserId: string;
  threadId?: string;
  topic?: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface ModelConversation {
  channel: ModelEvent["channel"];
  endUserId: string;
  threadId: string | null;
  topic: string | null;
  startedAt: number;
  /** Time of its last user or assistant message. */
  lastActivityAt: number;
  endedBy: "timeout" | "closed" | "topic_change" | null;
  userMessages: number;
  assistantMessages: number;
  systemMessages: number;
  hasUserMessage: boolean;
  answered: boolean;
  billable: boolean;
}

export interface ModelOutcome {
  /** Index into `conversations`, or null when the event belongs to none. */
  conversation: number | null;
  newConversation: boolean;
  charged: boolean;
}

export interface ModelResult {
  conversations: ModelConversation[];
  outcomes: Map<string, ModelOutcome>;
}

/** Applies events in the order given (only the order within one key matters); repeated ids change nothing. */
export function referenceModel(events: ModelEvent[], timeoutMs: number): ModelResult {
  const conversations: ModelConversation[] = [];
  const outcomes = new Map<string, ModelOutcome>();
  // The conversation each key may still continue, until it is ended.
  const current = new Map<string, number>();

  for (const event of events) {
    if (outcomes.has(event.id)) continue;
    const key = JSON.stringify([event.channel, event.endUserId, event.threadId ?? ""]);
    let index = current.get(key);
    let open = index === undefined ? undefined : conversations[index];

    // Past the timeout, the conversation ended when its timeout ran out, whatever comes now.
    if (open && event.at - open.lastActivityAt > timeoutMs) {
      open.endedBy = "timeout";
      current.delete(key);
      open = undefined;
      index = undefined;
    }

    if (event.type === "close") {
      if (open) open.endedBy = "closed";
      current.delete(key);
      outcomes.set(event.id, { conversation: null, newConversation: false, charged: false });
      continue;
    }

    if (event.role === "system") {
      if (open) open.systemMessages += 1;
      outcomes.set(event.id, { conversation: open ? (index ?? null) : null, newConversation: false, charged: false });
      continue;
    }

    const fits = open && (open.topic === null || event.topic === undefined || open.topic === event.topic);
    let newConversation = false;
    if (open && !fits) open.endedBy = "topic_change";
    if (!open || !fits) {
      open = {
        channel: event.channel,
        endUserId: event.endUserId,
        threadId: event.threadId ?? null,
        topic: null,
        startedAt: event.at,
        lastActivityAt: event.at,
        endedBy: null,
        userMessages: 0,
        assistantMessages: 0,
        systemMessages: 0,
        hasUserMessage: false,
        answered: false,
        billable: false,
      };
      conversations.push(open);
      index = conversations.length - 1;
      current.set(key, index);
      newConversation = true;
    }

    open.topic ??= event.topic ?? null;
    open.lastActivityAt = event.at;
    let charged = false;
    if (event.role === "user") {
      open.userMessages += 1;
      open.hasUserMessage = true;
    } else {
      open.assistantMessages += 1;
      if (open.hasUserMessage && !open.answered) {
        open.answered = true;
        charged = open.channel === "live";
        open.billable = charged;
      }
    }
    outcomes.set(event.id, { conversation: index ?? null, newConversation, charged });
  }
  return { conversations, outcomes };
}

/** Status and close reason as read at `now`: idle past the timeout reads as ended by it. */
export function modelStatus(conversation: ModelConversation, now: number, timeoutMs: number) {
  const endedBy = conversation.endedBy ?? (now - conversation.lastActivityAt > timeoutMs ? "timeout" : null);
  if (endedBy === null) return { status: "open" as const, closeReason: null };
  return { status: conversation.answered ? ("closed" as const) : ("cancelled" as const), closeReason: endedBy };
}
