import { describe, expect, it } from "vitest";
import { MIN, T0 } from "@/lib/metering/test-fixtures";
import type { ConversationChange } from "./plan-batch";
import type { StoredConversation } from "./types";
import { usageDeltas } from "./update-usage-daily";

function conversation(overrides: Partial<StoredConversation>): StoredConversation {
  return {
    id: "c1", keyId: "k1", channel: "live", endUserId: "alice", threadId: "", topic: null,
    startedAt: T0, lastActivityAt: T0, closedAt: null, closeReason: null,
    userMessageCount: 1, assistantMessageCount: 0, systemMessageCount: 0,
    answered: false, billable: false, blocked: false, chargedAt: null,
    ...overrides,
  };
}

function change(after: StoredConversation, before: ConversationChange["before"], extra: Partial<ConversationChange> = {}): ConversationChange {
  return { conversation: after, isNew: before === null, before, messagesAdded: 0, answeredNow: false, chargedNow: false, ...extra };
}

describe("usageDeltas", () => {
  it("counts a new conversation in its start day's buckets", () => {
    const [delta] = usageDeltas([change(conversation({ assistantMessageCount: 1, lastActivityAt: T0 + 2 * MIN }), null, { messagesAdded: 2, answeredNow: true, chargedNow: true })], "UTC");
    expect(delta).toMatchObject({ conversations: 1, answered: 1, charged: 1, messages: 2, messageBuckets: [0, 1, 0, 0, 0, 0], durationBuckets: [0, 1, 0, 0, 0, 0] });
  });

  it("moves a growing conversation from its old buckets to its new ones", () => {
    const before = { startedAt: T0, lastActivityAt: T0 + 30_000, messages: 2 };
    const after = conversation({ userMessageCount: 2, assistantMessageCount: 1, lastActivityAt: T0 + 6 * MIN });
    const [delta] = usageDeltas([change(after, before, { messagesAdded: 1 })], "UTC");
    expect(delta).toMatchObject({ conversations: 0, messages: 1, messageBuckets: [0, -1, 1, 0, 0, 0], durationBuckets: [-1, 0, 1, 0, 0, 0] });
  });

  it("leaves the counts alone when a batch only closes a conversation", () => {
    const stored = conversation({ closedAt: T0 + 40 * MIN, closeReason: "timeout" });
    expect(usageDeltas([change(stored, { startedAt: T0, lastActivityAt: T0, messages: 1 })], "UTC")).toEqual([]);
  });

  it("attributes a conversation to its start day in the workspace's time zone", () => {
    const lateEvening = Date.UTC(2026, 10, 23, 23, 30);
    const [delta] = usageDeltas([change(conversation({ startedAt: lateEvening, lastActivityAt: lateEvening }), null)], "Europe/Paris");
    expect(delta?.day).toBe("2026-11-24");
  });
});
