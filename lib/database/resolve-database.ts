import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  release: () => Promise<void>;
}

export const EMBEDDED_DATA_DIR = path.resolve(process.cwd(), ".data/postgres");
const EMBEDDED_DATABASE = "convometer";

/**
 * `DATABASE_URL` when set; otherwise the embedded PostgreSQL under .data/, reusing the one a running
 * app already started (so the operator CLI works next to `npm start`) or starting it.
 */
export async function resolveDatabase(options: { log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, release: async () => undefined };

  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const url = `postgresql://convometer:convometer-local@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  if (existsSync(path.join(EMBEDDED_DATA_DIR, "postmaster.pid")) && (await canConnect(url))) {
    return { url, embedded: true, release: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port, database: EMBEDDED_DATABASE, log: options.log });
  return { url: server.url, embedded: true, release: server.stop };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
