import { pool } from "@/lib/db";
import { encodeCursor, decodeCursor } from "@/lib/conversations/cursor";
import { CONVERSATION_COLUMNS, toConversationView, type ConversationRow, type ConversationView } from "@/lib/conversations/conversation-view";
import type { ConversationFilters } from "@/lib/conversations/schemas";
import { readWorkspaceTimeout } from "@/lib/conversations/read-workspace-timeout";

export interface ConversationPage {
  data: ConversationView[];
  nextCursor: string | null;
}

/**
 * A page of the workspace's conversations, newest first, by keyset on (started_at, id): stable
 * while new conversations arrive, and as fast on page 1,000 as on page 1.
 */
export async function listConversations(workspaceId: string, filters: ConversationFilters, now = new Date()): Promise<ConversationPage> {
  const timeoutMs = await readWorkspaceTimeout(workspaceId);
  const params: unknown[] = [workspaceId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ["workspace_id = $1"];

  if (filters.from) where.push(`started_at >= ${param(filters.from)}::timestamptz`);
  if (filters.to) where.push(`started_at <= ${param(filters.to)}::timestamptz`);
  if (filters.endUserId) where.push(`end_user_id = ${param(filters.endUserId)}`);
  if (filters.channel) where.push(`channel = ${param(filters.channel)}::channel`);
  if (filters.billable !== undefined) where.push(`billable = ${param(filters.billable)}`);
  if (filters.status) {
    const expiredBefore = param(new Date(now.getTime() - timeoutMs).toISOString());
    const ended = `(closed_at IS NOT NULL OR last_activity_at < ${expiredBefore}::timestamptz)`;
    where.push(
      filters.status === "open" ? `NOT ${ended}` : filters.status === "closed" ? `answered AND ${ended}` : `NOT answered AND ${ended}`,
    );
  }
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    where.push(`(started_at, id) < (${param(cursor.startedAt.toISOString())}::timestamptz, ${param(cursor.id)}::uuid)`);
  }

  const { rows } = await pool().query<ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE ${where.join(" AND ")}
      ORDER BY started_at DESC, id DESC LIMIT ${param(filters.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => toConversationView(row, now.getTime(), timeoutMs)),
    nextCursor: rows.length > filters.limit && last ? encodeCursor({ startedAt: last.started_at, id: last.id }) : null,
  };
}
