import { randomUUID } from "node:crypto";
import { withTransaction } from "@/lib/database/with-transaction";
import { readBalance } from "@/lib/credits/read-balance";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { lockAvailableCredits, recordCharges } from "@/lib/credits/record-charges";
import { notFound } from "@/lib/errors";
import type { ValidEvent } from "@/lib/metering/schemas";
import { findStoredOutcomes, lockKeys } from "./load-keys";
import { planBatch } from "./plan-batch";
import { updateUsageDaily } from "./update-usage-daily";
import { writePlan } from "./write-plan";

export interface IngestedEvent {
  id: string;
  status: "accepted" | "duplicate";
  conversationId: string | null;
  newConversation: boolean;
  charged: boolean;
  allowed: boolean;
}

export interface IngestResult {
  results: IngestedEvent[];
  balance: { remaining: number; overage: number };
}

/**
 * Applies a validated batch in one transaction: lock the batch's conversation keys, apply the
 * metering rules in memory, then write conversations, events, charges and daily counts with a
 * handful of set-based statements. Either all of it commits or none of it does, so a client may
 * retry any unacknowledged batch: events already stored come back as duplicates.
 */
export async function ingestEvents(workspaceId: string, events: ValidEvent[], receivedAt: Date): Promise<IngestResult> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ timeout_minutes: number; overage_policy: "continue" | "pause"; time_zone: string }>(
      `SELECT timeout_minutes, overage_policy, time_zone FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    const workspace = rows[0];
    if (!workspace) throw notFound("Workspace");

    const keys = await lockKeys(client, workspaceId, events);
    const stored = await findStoredOutcomes(client, workspaceId, events);
    // `pause` needs the balance before deciding; `continue` charges whatever happens, so it locks
    // the workspace's credits only at the end, for the shortest time.
    const chargeBudget = workspace.overage_policy === "pause" ? await lockAvailableCredits(client, workspaceId) : null;

    const plan = planBatch({
      events,
      keys,
      stored,
      timeoutMs: workspace.timeout_minutes * 60_000,
      chargeBudget,
      now: receivedAt.getTime(),
      newConversationId: randomUUID,
    });
    await writePlan(client, workspaceId, plan, receivedAt);
    // From here on rows shared by the workspace's batches are locked until commit (the day's counts,
    // then the credits): few, short statements, so concurrent batches wait as little as possible.
    await updateUsageDaily(client, workspaceId, plan.conversations, workspace.time_zone);
    await recordCharges(client, workspaceId, plan.charged);
    const balance = await readBalance(client, workspaceId);
    if (plan.charged.length) await evaluateAlerts(client, workspaceId, balance);

    return {
      results: plan.results.map(({ status, outcome }, index) => ({
        id: events[index]?.eventId ?? "",
        status,
        conversationId: outcome.conversationId,
        newConversation: outcome.newConversation,
        charged: outcome.charged,
        allowed: outcome.allowed,
      })),
      balance: { remaining: balance.remaining.total, overage: balance.overage },
    };
  });
}
