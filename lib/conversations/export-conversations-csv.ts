import { pool } from "@/lib/db";
import { CONVERSATION_COLUMNS, toConversationView, type ConversationRow, type ConversationView } from "@/lib/conversations/conversation-view";
import { conversationQuery, type ListFilters } from "@/lib/conversations/conversation-query";
import { readWorkspaceTimeout } from "@/lib/conversations/read-workspace-timeout";
import { encodeCursor } from "@/lib/conversations/cursor";

const CHUNK = 5_000;

const COLUMNS: [string, (c: ConversationView) => string | number | boolean | null][] = [
  ["conversation_id", (c) => c.id],
  ["started_at", (c) => c.startedAt],
  ["last_activity_at", (c) => c.lastActivityAt],
  ["end_user_id", (c) => c.endUserId],
  ["thread_id", (c) => c.threadId],
  ["channel", (c) => c.channel],
  ["topic", (c) => c.topic],
  ["status", (c) => c.status],
  ["close_reason", (c) => c.closeReason],
  ["messages", (c) => c.messageCount],
  ["user_messages", (c) => c.userMessageCount],
  ["assistant_messages", (c) => c.assistantMessageCount],
  ["duration_seconds", (c) => Math.round((Date.parse(c.lastActivityAt) - Date.parse(c.startedAt)) / 1000)],
  ["charged", (c) => c.billable],
  ["charged_at", (c) => c.chargedAt],
  ["blocked", (c) => c.blocked],
];

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The filtered history as CSV lines, read in keyset chunks: memory stays flat however many
 * conversations match, and the first bytes leave before the last rows are read.
 */
export async function* exportConversationsCsv(workspaceId: string, filters: ListFilters, now = new Date()): AsyncGenerator<string> {
  const timeoutMs = await readWorkspaceTimeout(workspaceId);
  yield `${COLUMNS.map(([name]) => name).join(",")}\r\n`;
  let cursor = filters.cursor;
  for (;;) {
    const query = conversationQuery(workspaceId, { ...filters, cursor }, timeoutMs, now);
    const { rows } = await pool().query<ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} ${query.source} ORDER BY started_at DESC, id DESC LIMIT ${CHUNK}`,
      query.params,
    );
    if (!rows.length) return;
    yield rows
      .map((row) => {
        const view = toConversationView(row, now.getTime(), timeoutMs);
        return `${COLUMNS.map(([, read]) => csvField(read(view))).join(",")}\r\n`;
      })
      .join("");
    const last = rows[rows.length - 1];
    if (rows.length < CHUNK || !last) return;
    cursor = encodeCursor({ startedAt: last.started_at, id: last.id });
  }
}
