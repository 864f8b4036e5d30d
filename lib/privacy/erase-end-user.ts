import { notFound } from "@/lib/errors";
import { withTransaction } from "@/lib/database/with-transaction";
import { recordAuditSql } from "@/lib/audit/record-audit";
import { endUserPseudonym } from "@/lib/privacy/pseudonym";

export interface ErasureResult {
  endUserId: string;
  conversations: number;
  messagesErased: number;
}

/**
 * Right to erasure for one customer of a workspace: every message text of theirs becomes null and
 * their id becomes a pseudonym, on the conversations and their keys, in one transaction. Counts,
 * charges, rollups and the ledger are untouched, so invoices and balances stay exact. Later events
 * with the same id start a new identity (a new key). Erasing again is a no-op answering the same
 * pseudonym; an id the workspace never saw is "not found".
 */
export async function eraseEndUser(input: { workspaceId: string; endUserId: string; apiKeyId: string | null }): Promise<ErasureResult> {
  const pseudonym = endUserPseudonym(input.workspaceId, input.endUserId);
  return withTransaction(async (client) => {
    // Same lock order as ingest (key rows by id), so an erasure waits for in-flight batches of this
    // customer instead of interleaving with them.
    const keys = await client.query<{ id: string }>(
      `SELECT id FROM conversation_keys WHERE workspace_id = $1 AND end_user_id = $2 ORDER BY id FOR UPDATE`,
      [input.workspaceId, input.endUserId],
    );
    if (!keys.rows.length) {
      const { rows } = await client.query(`SELECT 1 FROM conversations WHERE workspace_id = $1 AND end_user_id = $2 LIMIT 1`, [input.workspaceId, pseudonym]);
      if (!rows.length) throw notFound("End user");
      return { endUserId: pseudonym, conversations: 0, messagesErased: 0 };
    }
    const keyIds = keys.rows.map((row) => row.id);
    // WARNING: conversation keys are unique per (channel, end user, thread); suffixing the key's own
    // id keeps renamed keys unique even when the same customer is erased again after new traffic.
    await client.query(`UPDATE conversation_keys SET end_user_id = $2 || '/' || id WHERE id = ANY($1::bigint[])`, [keyIds, pseudonym]);
    const conversations = await client.query<{ id: string }>(
      `UPDATE conversations SET end_user_id = $3 WHERE workspace_id = $1 AND key_id = ANY($2::bigint[]) RETURNING id`,
      [input.workspaceId, keyIds, pseudonym],
    );
    const conversationIds = conversations.rows.map((row) => row.id);
    const erased = await client.query(
      `UPDATE events SET text = NULL WHERE workspace_id = $1 AND conversation_id = ANY($2::uuid[]) AND text IS NOT NULL`,
      [input.workspaceId, conversationIds],
    );
    const result = { endUserId: pseudonym, conversations: conversationIds.length, messagesErased: erased.rowCount ?? 0 };
    // The audit names the pseudonym only: recording the erased id would undo the erasure.
    await recordAuditSql(client, {
      workspaceId: input.workspaceId,
      actorUserId: null,
      action: "end_user.erased",
      details: { ...result, apiKeyId: input.apiKeyId },
    });
    return result;
  });
}
