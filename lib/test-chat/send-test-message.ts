import { randomUUID } from "node:crypto";
import { pool } from "@/lib/db";
import { readBalance } from "@/lib/credits/read-balance";
import { ingestEvents } from "@/lib/metering/ingest/ingest-events";
import { parseEventBatch } from "@/lib/metering/parse-event-batch";

export interface TestExchange {
  reply: string;
  conversationId: string | null;
  charged: boolean;
  balanceBefore: number;
  balanceAfter: number;
}

/**
 * The dashboard's test chat: the owner's message and an echo bot's answer go through the same
 * validation and ingestion as the events API, on the `test` channel, which is never charged.
 */
export async function sendTestMessage(input: { workspaceId: string; userId: string; chatId: string; text: string }): Promise<TestExchange> {
  const before = await readBalance(pool(), input.workspaceId);
  const reply = `Echo: ${input.text}`;
  const receivedAt = new Date();
  const base = { endUserId: `dashboard:${input.userId}`, threadId: input.chatId, channel: "test" };
  const events = parseEventBatch(
    {
      events: [
        { ...base, id: `test-${randomUUID()}`, role: "user", text: input.text },
        { ...base, id: `test-${randomUUID()}`, role: "assistant", text: reply },
      ],
    },
    receivedAt.getTime(),
  );
  const result = await ingestEvents(input.workspaceId, events, receivedAt);
  return {
    reply,
    conversationId: result.results[0]?.conversationId ?? null,
    charged: result.results.some((r) => r.charged),
    balanceBefore: before.remaining.total,
    balanceAfter: result.balance.remaining,
  };
}
