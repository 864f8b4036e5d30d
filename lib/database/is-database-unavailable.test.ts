import { createServer } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { describeError } from "@/lib/http/describe-error";
import { isDatabaseUnavailable } from "./is-database-unavailable";

/** A local port nothing listens on: connecting to it fails as a stopped PostgreSQL does. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("isDatabaseUnavailable", () => {
  it("recognises pg failing to connect to a stopped server", async () => {
    const url = `postgresql://x:y@127.0.0.1:${await closedPort()}/db`;
    const error = await thrownBy(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises Prisma's error through the pg adapter when the server is down", async () => {
    const pool = new pg.Pool({ connectionString: `postgresql://x:y@127.0.0.1:${await closedPort()}/db`, connectionTimeoutMillis: 1_000 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      expect(isDatabaseUnavailable(await thrownBy(() => prisma.workspace.count()))).toBe(true);
      expect(isDatabaseUnavailable(await thrownBy(() => prisma.$queryRaw`SELECT 1`))).toBe(true);
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });

  it("recognises sessions cut by a shutdown and a server still starting", () => {
    for (const code of ["57P01", "57P03", "53300"]) {
      const error = Object.assign(new pg.DatabaseError("terminating connection", 0, "error"), { code });
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // pg's answer to the next query on a client whose connection was cut between two statements.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });

  it("leaves every other error alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new pg.DatabaseError("duplicate key", 0, "error"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
  });

  it("makes describeError answer 503 with a retry delay", async () => {
    const error = await thrownBy(async () => {
      const client = new pg.Client({ connectionString: `postgresql://x:y@127.0.0.1:${await closedPort()}/db` });
      await client.connect();
    });
    expect(describeError(error)).toMatchObject({ status: 503, code: "unavailable", retryAfterSeconds: 2 });
  });
});
