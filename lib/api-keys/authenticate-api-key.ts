import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { API_KEY_PREFIX, apiKeyPrefix, hashApiKey, hashesMatch } from "@/lib/api-keys/generate-api-key";

export interface ApiKeyIdentity {
  keyId: string;
  workspaceId: string;
}

const unauthorized = () =>
  new AppError({ code: "unauthorized", message: "Send a valid API key as `Authorization: Bearer ck_live_...`." });

/**
 * Resolves `Authorization: Bearer <key>` to its workspace. The row is found by the key's public
 * prefix and the hash compared in constant time; revoked keys are refused.
 */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyIdentity> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) throw unauthorized();

  const hash = hashApiKey(key);
  // Plain SQL on the pool: this runs before every API request, so it skips the ORM layer.
  const { rows } = await pool().query<{ id: string; workspace_id: string; key_hash: string; last_used_at: Date | null }>(
    `SELECT id, workspace_id, key_hash, last_used_at FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL`,
    [apiKeyPrefix(key)],
  );
  const found = rows.find((candidate) => hashesMatch(candidate.key_hash, hash));
  if (!found) throw unauthorized();

  touchLastUsed(found.id, found.last_used_at);
  return { keyId: found.id, workspaceId: found.workspace_id };
}

const TOUCH_INTERVAL_MS = 60_000;

// Last-used time is informative, so it is written at most once a minute per key and off the
// request's critical path.
function touchLastUsed(keyId: string, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  void pool()
    .query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [keyId])
    .catch(() => undefined);
}
