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

// GROUPING(weekday, hour, length_bucket, message_bucket) of each grouping set below.
const BY_HOUR = 0b0011;
const BY_LENGTH = 0b1101;
const BY_MESSAGES = 0b1110;
const TOTAL = 0b1111;

/**
 * When customers come and how their conversations go, over the live conversations started in the
 * range: one index range scan grouped four ways for the heatmap, both histograms and the outcome,
 * and one for the top end users.
 */
export async function readPatterns(workspace: InsightsWorkspace, range: InsightsRange, now = new Date()): Promise<Patterns> {
  const where = `workspace_id = $1 AND started_at >= $2 AND started_at < $3 AND channel = 'live'`;
  // Finished as the history derives it: closed by an event, or silent for longer than the timeout.
  const finished = `(closed_at IS NOT NULL OR last_activity_at < $4::timestamptz - make_interval(mins => $5))`;
  const [grouped, top] = await Promise.all([
    pool().query<{ set: number; weekday: number | null; hour: number | null; length_bucket: number | null; message_bucket: number | null; conversations: number; finished: number; cancelled: number }>(
      `SELECT GROUPING(weekday, hour, length_bucket, message_bucket) AS set, weekday, hour, length_bucket, message_bucket,
              count(*)::int AS conversations, count(*) FILTER (WHERE finished)::int AS finished,
              count(*) FILTER (WHERE finished AND NOT answered)::int AS cancelled
         FROM (SELECT extract(isodow FROM started_at AT TIME ZONE $6)::int AS weekday, extract(hour FROM started_at AT TIME ZONE $6)::int AS hour,
                      width_bucket(extract(epoch FROM last_activity_at - started_at)::float8, ARRAY[60, 300, 900, 1800, 3600, 7200]::float8[]) AS length_bucket,
                      width_bucket(user_message_count + assistant_message_count, ARRAY[2, 3, 5, 9, 17, 33]) AS message_bucket,
                      ${finished} AS finished, answered
                 FROM conversations WHERE ${where}) AS c
        GROUP BY GROUPING SETS ((weekday, hour), (length_bucket), (message_bucket), ())`,
      [workspace.id, range.start, range.end, now, workspace.timeoutMinutes, workspace.timeZone],
    ),
    pool().query<{ end_user_id: string; conversations: number; charged: number; cancelled: number }>(
      `SELECT end_user_id, count(*)::int AS conversations, count(*) FILTER (WHERE billable)::int AS charged,
              count(*) FILTER (WHERE ${finished} AND NOT answered)::int AS cancelled
         FROM conversations WHERE ${where} GROUP BY end_user_id ORDER BY conversations DESC, end_user_id LIMIT ${TOP_END_USERS}`,
      [workspace.id, range.start, range.end, now, workspace.timeoutMinutes],
    ),
  ]);
  const rows = (set: number) => grouped.rows.filter((row) => row.set === set);
  const histogram = (labels: string[], set: number, bucketOf: (row: (typeof grouped.rows)[number]) => number | null) =>
    labels.map((bucket, index) => ({ bucket, conversations: rows(set).find((row) => bucketOf(row) === index)?.conversations ?? 0 }));
  const total = rows(TOTAL)[0];
  return {
    heatmap: rows(BY_HOUR).map((row) => ({ weekday: row.weekday ?? 0, hour: row.hour ?? 0, conversations: row.conversations })),
    sessionLengths: histogram(SESSION_LENGTH_BUCKETS, BY_LENGTH, (row) => row.length_bucket),
    // width_bucket puts 1 message in bucket 0 and 2 in bucket 1, as the labels say.
    messagesPerConversation: histogram(MESSAGE_COUNT_BUCKETS, BY_MESSAGES, (row) => row.message_bucket),
    finished: total?.finished ?? 0,
    cancelled: total?.cancelled ?? 0,
    topEndUsers: top.rows.map((row) => ({ endUserId: row.end_user_id, conversations: row.conversations, charged: row.charged, cancelled: row.cancelled })),
  };
}
