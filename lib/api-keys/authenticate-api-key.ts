import { db } from "@/lib/db";
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
  const candidates = await db().apiKey.findMany({
    where: { prefix: apiKeyPrefix(key), revokedAt: null },
    select: { id: true, workspaceId: true, keyHash: true, lastUsedAt: true },
  });
  const found = candidates.find((candidate) => hashesMatch(candidate.keyHash, hash));
  if (!found) throw unauthorized();

  touchLastUsed(found.id, found.lastUsedAt);
  return { keyId: found.id, workspaceId: found.workspaceId };
}

const TOUCH_INTERVAL_MS = 60_000;

// Last-used time is informative, so it is written at most once a minute per key and off the
// request's critical path.
function touchLastUsed(keyId: string, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  void db()
    .apiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date() } })
    .catch(() => undefined);
}
