import { pool } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { CONVERSATION_COLUMNS, toConversationView, type ConversationRow, type ConversationView } from "@/lib/conversations/conversation-view";
import { readWorkspaceTimeout } from "@/lib/conversations/read-workspace-timeout";

export interface ConversationMessage {
  id: string;
  role: "user" | "assistant" | "system";
  at: string;
  text: string | null;
}

export interface ConversationDetail extends ConversationView {
  messages: ConversationMessage[];
  /** What paid for it, when charged: the plan allowance, a pack, or overage. */
  charge: { source: "plan" | "pack" | "overage"; packId: string | null; at: string } | null;
}

/** One conversation of the workspace with its messages in arrival order; another workspace's id is "not found". */
export async function getConversation(workspaceId: string, conversationId: string, now = new Date()): Promise<ConversationDetail> {
  const timeoutMs = await readWorkspaceTimeout(workspaceId);
  const [conversation, messages, charge] = await Promise.all([
    pool().query<ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = $1 AND workspace_id = $2`, [conversationId, workspaceId]),
    pool().query<{ event_id: string; role: ConversationMessage["role"]; at: Date; text: string | null }>(
      `SELECT event_id, role, at, text FROM events WHERE conversation_id = $1 AND workspace_id = $2 AND type = 'message' ORDER BY seq`,
      [conversationId, workspaceId],
    ),
    pool().query<{ source: "plan" | "pack" | "overage"; pack_id: string | null; created_at: Date }>(
      `SELECT l.source, p.pack_id, l.created_at FROM ledger_entries l LEFT JOIN credit_packs p ON p.id = l.credit_pack_id
        WHERE l.conversation_id = $1 AND l.workspace_id = $2`,
      [conversationId, workspaceId],
    ),
  ]);
  const row = conversation.rows[0];
  if (!row) throw notFound("Conversation");
  const paid = charge.rows[0];
  return {
    ...toConversationView(row, now.getTime(), timeoutMs),
    messages: messages.rows.map((m) => ({ id: m.event_id, role: m.role, at: m.at.toISOString(), text: m.text })),
    charge: paid ? { source: paid.source, packId: paid.pack_id, at: paid.created_at.toISOString() } : null,
  };
}
