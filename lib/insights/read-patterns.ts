import { pool } from "@/lib/db";
import type { InsightsRange } from "./range";
import type { InsightsWorkspace } from "./types";

export interface Bucket {
  bucket: string;
  conversations: number;
}

export interface Patterns {
  /** Live conversations started per ISO weekday (1 = Monday) and hour, in the workspace's time zone. */
  heatmap: { weekday: number; hour: number; conversations: number }[];
  sessionLengths: Bucket[];
  messagesPerConversation: Bucket[];
  /** Finished live conversations, and those that ended without an answer. */
  finished: number;
  cancelled: number;
  topEndUsers: { endUserId: string; conversations: number; charged: number; cancelled: number }[];
}

export const SESSION_LENGTH_BUCKETS = ["< 1 min", "1–5 min", "5–15 min", "15–30 min", "30–60 min", "1–2 h", "> 2 h"];
export const MESSAGE_COUNT_BUCKETS = ["1", "2", "3–4", "5–8", "9–16", "17–32", "33+"];
const TOP_END_USERS = 10;

/**
 * When customers come and how their conversations go, over the live conversations started in the
 * range (one index range scan of conversations per figure, grouped in PostgreSQL).
 */
export async function readPatterns(workspace: InsightsWorkspace, range: InsightsRange, now = new Date()): Promise<Patterns> {
  const params = [workspace.id, range.start, range.end];
  const where = `workspace_id = $1 AND started_at >= $2 AND started_at < $3 AND channel = 'live'`;
  // Finished as the history derives it: closed by an event, or silent for longer than the timeout.
  const finished = `(closed_at IS NOT NULL OR last_activity_at < $4::timestamptz - make_interval(mins => $5))`;
  const [heatmap, shapes, outcome, top] = await Promise.all([
    pool().query<{ weekday: number; hour: number; conversations: number }>(
      `SELECT extract(isodow FROM started_at AT TIME ZONE $4)::int AS weekday, extract(hour FROM started_at AT TIME ZONE $4)::int AS hour, count(*)::int AS conversations
         FROM conversations WHERE ${where} GROUP BY 1, 2`,
      [...params, workspace.timeZone],
    ),
    pool().query<{ kind: "length" | "messages"; bucket: number; conversations: number }>(
      `SELECT 'length' AS kind, width_bucket(extract(epoch FROM last_activity_at - started_at)::float8, ARRAY[60, 300, 900, 1800, 3600, 7200]::float8[]) AS bucket, count(*)::int AS conversations
         FROM conversations WHERE ${where} GROUP BY 2
       UNION ALL
       SELECT 'messages', width_bucket(user_message_count + assistant_message_count, ARRAY[2, 3, 5, 9, 17, 33]), count(*)::int
         FROM conversations WHERE ${where} GROUP BY 2`,
      params,
    ),
    pool().query<{ finished: number; cancelled: number }>(
      `SELECT count(*) FILTER (WHERE ${finished})::int AS finished, count(*) FILTER (WHERE ${finished} AND NOT answered)::int AS cancelled
         FROM conversations WHERE ${where}`,
      [...params, now, workspace.timeoutMinutes],
    ),
    pool().query<{ end_user_id: string; conversations: number; charged: number; cancelled: number }>(
      `SELECT end_user_id, count(*)::int AS conversations, count(*) FILTER (WHERE billable)::int AS charged,
              count(*) FILTER (WHERE ${finished} AND NOT answered)::int AS cancelled
         FROM conversations WHERE ${where} GROUP BY end_user_id ORDER BY conversations DESC, end_user_id LIMIT ${TOP_END_USERS}`,
      [...params, now, workspace.timeoutMinutes],
    ),
  ]);
  const histogram = (kind: "length" | "messages", labels: string[]) =>
    labels.map((bucket, index) => ({ bucket, conversations: shapes.rows.find((row) => row.kind === kind && row.bucket === index)?.conversations ?? 0 }));
  return {
    heatmap: heatmap.rows,
    sessionLengths: histogram("length", SESSION_LENGTH_BUCKETS),
    // width_bucket puts 1 message in bucket 0 and 2 in bucket 1, as the labels say.
    messagesPerConversation: histogram("messages", MESSAGE_COUNT_BUCKETS),
    finished: outcome.rows[0]?.finished ?? 0,
    cancelled: outcome.rows[0]?.cancelled ?? 0,
    topEndUsers: top.rows.map((row) => ({ endUserId: row.end_user_id, conversations: row.conversations, charged: row.charged, cancelled: row.cancelled })),
  };
}
