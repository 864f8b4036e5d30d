import { pool } from "@/lib/db";
import { readUsage, type Usage } from "@/lib/conversations/read-usage";
import { localDay } from "@/lib/metering/ingest/update-usage-daily";
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

const MESSAGE_BUCKETS = ["1", "2", "3–4", "5–8", "9–16", "17+"];
const DURATION_BUCKETS = ["< 1 min", "1–5 min", "5–15 min", "15–30 min", "30–60 min", "> 1 h"];

/** Everything the overview shows, from the credit rows and the daily rollups. */
export async function readOverview(workspaceId: string, now = new Date()): Promise<Overview> {
  const usage = await readUsage(workspaceId, now);
  const client = pool();
  const { timeZone } = usage;
  const periodFirstDay = localDay(usage.periodStart.getTime(), timeZone);
  const today = localDay(now.getTime(), timeZone);
  const weekAgo = localDay(now.getTime() - 6 * 86_400_000, timeZone);

  const [daily, traffic, shapes] = await Promise.all([
    client.query<{ day: string; channel: string; conversations: number; answered: number; charged: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel, conversations, answered, charged FROM usage_daily
        WHERE workspace_id = $1 AND day >= least($2::date, $3::date) AND day <= $4::date`,
      [workspaceId, periodFirstDay, weekAgo, today],
    ),
    hasTraffic(workspaceId),
    client.query<{ kind: "messages" | "duration"; bucket: number; conversations: number }>(
      `SELECT 'messages' AS kind, width_bucket(message_count, ARRAY[2, 3, 5, 9, 17]) AS bucket, count(*)::int AS conversations
         FROM conversations WHERE workspace_id = $1 AND started_at >= $2 AND channel = 'live' GROUP BY 2
       UNION ALL
       SELECT 'duration', width_bucket(extract(epoch FROM last_activity_at - started_at)::float8, ARRAY[60, 300, 900, 1800, 3600]::float8[]), count(*)::int
         FROM conversations WHERE workspace_id = $1 AND started_at >= $2 AND channel = 'live' GROUP BY 2`,
      [workspaceId, usage.periodStart],
    ),
  ]);

  const byDay = new Map<string, DayPoint>();
  for (let time = usage.periodStart.getTime(); localDay(time, timeZone) <= today; time += 86_400_000) {
    const day = localDay(time, timeZone);
    byDay.set(day, { day, billable: 0, unanswered: 0, test: 0 });
  }
  let chargedLastWeek = 0;
  for (const row of daily.rows) {
    if (row.day >= weekAgo && row.channel === "live") chargedLastWeek += row.charged;
    const point = byDay.get(row.day);
    if (!point) continue;
    if (row.channel === "live") {
      point.billable += row.charged;
      point.unanswered += row.conversations - row.answered;
    } else point.test += row.conversations;
  }
  const histogram = (kind: "messages" | "duration", labels: string[]) =>
    labels.map((bucket, index) => ({ bucket, conversations: shapes.rows.find((r) => r.kind === kind && r.bucket === index)?.conversations ?? 0 }));

  const dailyRate = chargedLastWeek / 7;
  return {
    ...usage,
    timeZone,
    hasTraffic: traffic,
    days: [...byDay.values()],
    dailyRate,
    runsOutOn: forecastRunOut(usage.remaining.total, dailyRate, now),
    messagesPerConversation: histogram("messages", MESSAGE_BUCKETS),
    durations: histogram("duration", DURATION_BUCKETS),
  };
}
