import type pg from "pg";
import { pool } from "@/lib/db";

export type Queryable = Pick<pg.PoolClient, "query">;

/** Thrown inside a transaction to roll it back and run it again from the start. */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RetryTransaction";
  }
}

// Deadlock and serialization failures are resolved by PostgreSQL aborting one side: running that side
// again is both safe (nothing of it was committed) and the documented remedy.
const RETRYABLE_CODES = new Set(["40P01", "40001"]);

function isRetryable(error: unknown): boolean {
  if (error instanceof RetryTransaction) return true;
  return typeof error === "object" && error !== null && "code" in error && RETRYABLE_CODES.has(String(error.code));
}

/** Runs `work` in one READ COMMITTED transaction on a pooled connection, retrying transient conflicts. */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool().connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      if (attempt >= attempts || !isRetryable(error)) throw error;
    } finally {
      // A connection whose rollback failed may be mid-protocol; drop it instead of reusing it.
      client.release(broken);
    }
  }
}
