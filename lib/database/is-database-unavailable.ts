import { Prisma } from "@/lib/generated/prisma/client";

// PostgreSQL down, restarting, out of connections or too slow: temporary, so callers answer 503 and
// clients retry. Socket errors from pg; SQLSTATE class 08 (connection exception), 57P01-03 (shutdown,
// crash, starting up), 53300 (too many connections) and 57014 (cancelled by the statement timeout).
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "57014", "08000", "08001", "08003", "08004", "08006"]);
// Prisma's own codes for the same: cannot reach, timed out, connection closed, pool timeout.
const PRISMA_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's names for pg's socket errors.
const ADAPTER_UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE = /connection terminated|timeout exceeded when trying to connect|is not queryable|Can't reach database server/i;

/** True when `error`, from pg or from Prisma, says the database could not be used right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && PRISMA_UNAVAILABLE_CODES.has(error.code)) return true;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length && seen.size < 10) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const fields = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (UNAVAILABLE_CODES.has(String(fields.code)) || ADAPTER_UNAVAILABLE_KINDS.has(String(fields.kind))) return true;
    if (typeof fields.message === "string" && UNAVAILABLE_MESSAGE.test(fields.message)) return true;
    pending.push(fields.cause, fields.meta?.driverAdapterError);
  }
  return false;
}
