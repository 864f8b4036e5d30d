import { decodeCursor } from "@/lib/conversations/cursor";
import type { ConversationFilters } from "@/lib/conversations/schemas";

export interface ConversationQuery {
  /** `FROM … WHERE …` selecting the matching conversations, with their columns. */
  source: string;
  params: unknown[];
  /** Adds a parameter and returns its placeholder. */
  param: (value: unknown) => string;
}

export type ListFilters = Omit<ConversationFilters, "limit"> & {
  /** Dashboard search: end user ids starting with this text. */
  endUserPrefix?: string;
};

/**
 * The selection shared by the API list, the dashboard history and the CSV export, so all three
 * select exactly the same conversations. Status is derived with the timeout at `now`.
 */
export function conversationQuery(workspaceId: string, filters: ListFilters, timeoutMs: number, now: Date): ConversationQuery {
  const params: unknown[] = [workspaceId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ["workspace_id = $1"];

  if (filters.from) where.push(`started_at >= ${param(filters.from)}::timestamptz`);
  if (filters.to) where.push(`started_at <= ${param(filters.to)}::timestamptz`);
  if (filters.endUserId) where.push(`end_user_id = ${param(filters.endUserId)}`);
  if (filters.endUserPrefix) where.push(`end_user_id LIKE ${param(escapeLike(filters.endUserPrefix) + "%")}`);
  if (filters.channel) where.push(`channel = ${param(filters.channel)}::channel`);
  if (filters.billable !== undefined) where.push(`billable = ${param(filters.billable)}`);
  if (filters.status) {
    const ended = `(closed_at IS NOT NULL OR last_activity_at < ${param(new Date(now.getTime() - timeoutMs).toISOString())}::timestamptz)`;
    where.push(filters.status === "open" ? `NOT ${ended}` : filters.status === "closed" ? `answered AND ${ended}` : `NOT answered AND ${ended}`);
  }
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    where.push(`(started_at, id) < (${param(cursor.startedAt.toISOString())}::timestamptz, ${param(cursor.id)}::uuid)`);
  }
  const condition = where.join(" AND ");
  // An end-user search reads that customer's rows through the (workspace, end user) index, then sorts
  // them. Left to itself the planner walks the whole history by time instead, betting the matches are
  // spread evenly: a customer last seen months ago costs a scan of everything since (seconds at 1M).
  const byEndUser = Boolean(filters.endUserId || filters.endUserPrefix);
  const source = byEndUser
    ? `FROM (WITH matches AS MATERIALIZED (SELECT * FROM conversations WHERE ${condition}) SELECT * FROM matches) AS conversations`
    : `FROM conversations WHERE ${condition}`;
  return { source, params, param };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
