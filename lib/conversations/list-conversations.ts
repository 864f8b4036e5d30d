import { pool } from "@/lib/db";
import { encodeCursor } from "@/lib/conversations/cursor";
import { CONVERSATION_COLUMNS, toConversationView, type ConversationRow, type ConversationView } from "@/lib/conversations/conversation-view";
import { conversationQuery, type ListFilters } from "@/lib/conversations/conversation-query";
import { readWorkspaceTimeout } from "@/lib/conversations/read-workspace-timeout";

export interface ConversationPage {
  data: ConversationView[];
  nextCursor: string | null;
}

/**
 * A page of the workspace's conversations, newest first, by keyset on (started_at, id): stable
 * while new conversations arrive, and as fast on page 1,000 as on page 1.
 */
export async function listConversations(workspaceId: string, filters: ListFilters & { limit: number }, now = new Date()): Promise<ConversationPage> {
  const timeoutMs = await readWorkspaceTimeout(workspaceId);
  const query = conversationQuery(workspaceId, filters, timeoutMs, now);
  const { rows } = await pool().query<ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} ${query.source}
      ORDER BY started_at DESC, id DESC LIMIT ${query.param(filters.limit + 1)}`,
    query.params,
  );
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => toConversationView(row, now.getTime(), timeoutMs)),
    nextCursor: rows.length > filters.limit && last ? encodeCursor({ startedAt: last.started_at, id: last.id }) : null,
  };
}
