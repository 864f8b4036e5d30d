import { pool } from "@/lib/db";
import { readUsage, type Usage } from "@/lib/conversations/read-usage";
import { localDay } from "@/lib/metering/ingest/update-usage-daily";
import { addBuckets, DURATION_BUCKET_LABELS, emptyBuckets, MESSAGE_BUCKET_LABELS } from "@/lib/usage/conversation-shape";
import { forecastRunOut } from "@/lib/usage/forecast-run-out";
import { hasTraffic } from "@/lib/usage/has-traffic";

export interface DayPoint {
  day: string;
  billable: number;
  unanswered: number;
  test: number;
}

export interface Overview extends Usage {
  timeZone: string;
  hasTraffic: boolean;
  days: DayPoint[];
  /** Conversations charged per day over the last 7 days. */
  dailyRate: number;
  /** When the remaining credits run out at that rate, or null when nothing is being used. */
  runsOutOn: Date | null;
  messagesPerConversation: { bucket: string; conversations: number }[];
  durations: { bucket: string; conversations: number }[];
}


/** Everything the overview shows, from the credit rows and the daily rollups. */
export async function readOverview(workspaceId: string, now = new Date()): Promise<Overview> {
  const usage = await readUsage(workspaceId, now);
  const { timeZone } = usage;
  const periodFirstDay = localDay(usage.periodStart.getTime(), timeZone);
  const today = localDay(now.getTime(), timeZone);
  const weekAgo = localDay(now.getTime() - 6 * 86_400_000, timeZone);

  const [daily, traffic] = await Promise.all([
    pool().query<{ day: string; channel: string; conversations: number; answered: number; charged: number; message_buckets: number[]; duration_buckets: number[] }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel, conversations, answered, charged, message_buckets, duration_buckets FROM usage_daily
        WHERE workspace_id = $1 AND day >= least($2::date, $3::date) AND day <= $4::date`,
      [workspaceId, periodFirstDay, weekAgo, today],
    ),
    hasTraffic(workspaceId),
  ]);

  const byDay = new Map<string, DayPoint>();
  for (let time = usage.periodStart.getTime(); localDay(time, timeZone) <= today; time += 86_400_000) {
    const day = localDay(time, timeZone);
    byDay.set(day, { day, billable: 0, unanswered: 0, test: 0 });
  }
  let chargedLastWeek = 0;
  const messageBuckets = emptyBuckets();
  const durationBuckets = emptyBuckets();
  for (const row of daily.rows) {
    if (row.day >= weekAgo && row.channel === "live") chargedLastWeek += row.charged;
    const point = byDay.get(row.day);
    if (!point) continue;
    if (row.channel === "live") {
      point.billable += row.charged;
      point.unanswered += row.conversations - row.answered;
      addBuckets(messageBuckets, row.message_buckets);
      addBuckets(durationBuckets, row.duration_buckets);
    } else point.test += row.conversations;
  }
  const histogram = (labels: readonly string[], counts: number[]) => labels.map((bucket, index) => ({ bucket, conversations: counts[index] ?? 0 }));

  const dailyRate = chargedLastWeek / 7;
  return {
    ...usage,
    timeZone,
    hasTraffic: traffic,
    days: [...byDay.values()],
    dailyRate,
    runsOutOn: forecastRunOut(usage.remaining.total, dailyRate, now),
    messagesPerConversation: histogram(MESSAGE_BUCKET_LABELS, messageBuckets),
    durations: histogram(DURATION_BUCKET_LABELS, durationBuckets),
  };
}
