import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrate";
import { productionNodeOptions } from "@/lib/server-runtime";

export interface TestDatabase {
  /** A fresh, migrated database for this run. */
  url: string;
  /** The server's maintenance database, for tests that create databases of their own. */
  adminUrl: string;
  stop: () => Promise<void>;
}

/**
 * A fresh PostgreSQL database for one test run: a new database on the server named by
 * TEST_ADMIN_DATABASE_URL (local servers only), or an embedded server in a temporary folder.
 * Never the developer's .data/ database.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const name = `convometer_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const external = process.env.TEST_ADMIN_DATABASE_URL;
  if (external) {
    assertLocalDatabase(external);
    const url = withDatabase(external, name);
    await adminQuery(external, `CREATE DATABASE "${name}"`);
    await applyMigrations(url);
    return { url, adminUrl: external, stop: () => adminQuery(external, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "convometer-test-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: name });
  await applyMigrations(server.url);
  return {
    url: server.url,
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RestartableDatabase extends TestDatabase {
  /** Stops PostgreSQL (a fast shutdown: sessions are cut, as in a real restart). */
  stopServer: () => Promise<void>;
  /** Starts it again on the same data folder and port. */
  startServer: () => Promise<void>;
}

/** A migrated database on an embedded server of its own, which a fault test may stop and start. */
export async function startRestartableDatabase(): Promise<RestartableDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "convometer-fault-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "convometer_faults" });
  await applyMigrations(server.url);
  let running = true;
  return {
    url: server.url,
    adminUrl: server.adminUrl,
    stopServer: async () => {
      await server.stop();
      running = false;
    },
    startServer: async () => {
      await server.start();
      running = true;
    },
    stop: async () => {
      if (running) await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** WARNING: tests create and drop databases; they must never point at a shared or remote server. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against the non-local database host "${host}".`);
  }
}

export interface TestApp {
  url: string;
  process: ChildProcess;
  /** SIGKILL to the whole instance, as a crash would. */
  crash: () => void;
  /** What the instance has printed so far (the first 100,000 characters). */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the production build (`next start`) against `databaseUrl` and waits until it is healthy. */
export async function startTestApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NODE_OPTIONS: productionNodeOptions(),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: url,
      // Alerts are delivered and retried within a test's patience.
      OUTBOX_POLL_MS: "200",
      OUTBOX_RETRY_BASE_MS: "200",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: `next start` forks the actual server, and both must go together.
    detached: true,
  });
  // The server's log goes to a file per instance, for reading after a failed run.
  mkdirSync("test-results", { recursive: true });
  const log = createWriteStream(`test-results/app-${port}.log`);
  let output = "";
  const capture = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 100_000) output += chunk.toString();
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  await waitForHealth(url, child, () => output);
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    url,
    process: child,
    crash: () => signalGroup("SIGKILL"),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        signalGroup("SIGTERM");
        await exited;
      }
      signalGroup("SIGKILL");
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${output()}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (child.pid) process.kill(-child.pid, "SIGKILL");
  throw new Error(`The app did not become healthy within 60 s:\n${output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, migrated database on the same server, for tests whose app must not share the main one. */
export async function createIsolatedDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `convometer_isolated_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  return { url, drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
