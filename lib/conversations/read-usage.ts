import { pool } from "@/lib/db";
import { readBalance, type Balance } from "@/lib/credits/read-balance";
import { localDay } from "@/lib/metering/ingest/update-usage-daily";
import { readWorkspaceTimeout } from "@/lib/conversations/read-workspace-timeout";

export interface Usage extends Balance {
  /** Conversations started this period: charged, never answered (ended), and on test channels. */
  conversations: { billable: number; cancelled: number; test: number };
}

/** The workspace's period at a glance, from the credit rows and the daily rollups (no conversation scan). */
export async function readUsage(workspaceId: string, now = new Date()): Promise<Usage> {
  const client = pool();
  const [balance, timeoutMs] = await Promise.all([readBalance(client, workspaceId), readWorkspaceTimeout(workspaceId)]);
  const { timeZone } = balance;
  const [totals, open] = await Promise.all([
    client.query<{ live_conversations: number; live_answered: number; live_charged: number; test_conversations: number }>(
      `SELECT coalesce(sum(conversations) FILTER (WHERE channel = 'live'), 0)::int AS live_conversations,
              coalesce(sum(answered) FILTER (WHERE channel = 'live'), 0)::int AS live_answered,
              coalesce(sum(charged) FILTER (WHERE channel = 'live'), 0)::int AS live_charged,
              coalesce(sum(conversations) FILTER (WHERE channel <> 'live'), 0)::int AS test_conversations
         FROM usage_daily WHERE workspace_id = $1 AND day >= $2::date AND day < $3::date`,
      [workspaceId, localDay(balance.periodStart.getTime(), timeZone), localDay(balance.periodEnd.getTime(), timeZone)],
    ),
    // Still open and unanswered: not cancelled yet. Only recent rows qualify, found by index.
    client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM conversations
        WHERE workspace_id = $1 AND last_activity_at >= $2 AND closed_at IS NULL AND NOT answered
          AND channel = 'live' AND started_at >= $3`,
      [workspaceId, new Date(now.getTime() - timeoutMs), balance.periodStart],
    ),
  ]);
  const t = totals.rows[0];
  return {
    ...balance,
    conversations: {
      billable: t?.live_charged ?? 0,
      cancelled: (t?.live_conversations ?? 0) - (t?.live_answered ?? 0) - (open.rows[0]?.count ?? 0),
      test: t?.test_conversations ?? 0,
    },
  };
}
