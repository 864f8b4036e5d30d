import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_KEY_PREFIX = "ck_live_";
/** Characters of the random part kept in clear as the key's public prefix. */
const VISIBLE_RANDOM_CHARS = 8;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/** A new key: `ck_live_` + 32 random bytes in base64url. Only its prefix and hash are stored. */
export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: apiKeyPrefix(key), hash: hashApiKey(key) };
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + VISIBLE_RANDOM_CHARS);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
