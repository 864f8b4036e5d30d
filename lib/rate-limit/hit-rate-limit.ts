import { db } from "@/lib/db";

export interface RateLimitRule {
  /** Most hits allowed inside one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window kept in PostgreSQL, so every app instance
 * shares the count. The upsert is atomic: concurrent hits are each counted once.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const [row] = await db().$queryRaw<{ hits: number; retry_after: number }[]>`
    INSERT INTO rate_limit_windows (key, started_at, hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit_windows.started_at <= now() - make_interval(secs => ${rule.windowSeconds})
                  THEN 1 ELSE rate_limit_windows.hits + 1 END,
      started_at = CASE WHEN rate_limit_windows.started_at <= now() - make_interval(secs => ${rule.windowSeconds})
                  THEN now() ELSE rate_limit_windows.started_at END
    RETURNING hits,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM started_at + make_interval(secs => ${rule.windowSeconds}) - now())))::int AS retry_after`;
  const hits = row?.hits ?? 1;
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds: row?.retry_after ?? rule.windowSeconds };
}

/** Takes back one hit, for attempts that turned out legitimate (a correct password). */
export async function forgiveRateLimitHit(key: string): Promise<void> {
  await db().$executeRaw`UPDATE rate_limit_windows SET hits = GREATEST(hits - 1, 0) WHERE key = ${key}`;
}

/** Windows are at most an hour long; a counter untouched for a day limits nothing any more. */
export async function pruneRateLimitWindows(): Promise<number> {
  return db().$executeRaw`DELETE FROM rate_limit_windows WHERE started_at < now() - interval '1 day'`;
}
