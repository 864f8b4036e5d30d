import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { applyMigrations } from "@/lib/database/migrate";
import { adminQuery, withDatabase } from "../support/test-environment";
import { shapeFromDatabase, shapeFromPrismaSchema } from "../support/schema-shape";

const adminUrl = inject("adminDatabaseUrl");
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `convometer_drift_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabase(adminUrl, name);
}

afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("migrations and schema.prisma", () => {
  let url: string;
  beforeAll(async () => {
    url = await emptyDatabase();
    await applyMigrations(url);
  });

  it("produce exactly the tables, columns, types, nullability, defaults, keys, indexes and foreign keys of schema.prisma", async () => {
    const [expected, actual] = await Promise.all([shapeFromPrismaSchema("prisma/schema.prisma"), shapeFromDatabase(url)]);
    expect(actual).toEqual(expected);
  });

  it("are recorded in Prisma's own bookkeeping table, so `prisma migrate deploy` sees them as applied", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("apply idempotently: a second run applies nothing", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });
});

describe("two instances starting at once", () => {
  it("apply each migration exactly once, the second waiting on the advisory lock", async () => {
    const url = await emptyDatabase();
    const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const total = first.length + second.length;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "_prisma_migrations"`);
    await client.end();
    expect(Math.min(first.length, second.length)).toBe(0);
    expect(rows[0]?.count).toBe(total);
  });
});
