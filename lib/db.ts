import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { fastTypes } from "@/lib/database/fast-timestamps";
import { env, requireEnv } from "@/lib/env";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface DbHandles {
  pool: pg.Pool;
  prisma: PrismaClient;
}

declare global {
  // Cached on globalThis so hot reloads in development reuse one pool.
  var convometerDb: DbHandles | undefined;
}

function createHandles(): DbHandles {
  const pool = new pg.Pool({
    connectionString: requireEnv("DATABASE_URL"),
    max: env().DATABASE_POOL_SIZE,
    // Fail fast instead of hanging a request when PostgreSQL is down or restarting.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Nor hang on a stuck lock or a runaway query: PostgreSQL cancels it and the request answers 503.
    statement_timeout: env().DATABASE_STATEMENT_TIMEOUT_MS,
    types: fastTypes,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", () => undefined);
  // Nor may a checked-out one, cut between two statements of a transaction: without a listener its
  // 'error' event is an uncaught exception. The next query fails instead, and the pool drops it.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

function handles(): DbHandles {
  globalThis.convometerDb ??= createHandles();
  return globalThis.convometerDb;
}

/** The Prisma client. Created on first use, so importing this module never needs a database. */
export function db(): PrismaClient {
  return handles().prisma;
}

/** The pool behind Prisma, for set-based SQL on the ingest path. */
export function pool(): pg.Pool {
  return handles().pool;
}
