// npm start / npm run dev: database (embedded unless DATABASE_URL), migrations, secrets, then Next.js.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { applyMigrations } from "@/lib/database/migrate";
import { ensureAppSecret } from "@/lib/database/ensure-app-secret";
import { productionNodeOptions } from "@/lib/server-runtime";
import { resolveDatabase } from "@/lib/database/resolve-database";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const next = "node_modules/.bin/next";

async function main() {
  const database = await resolveDatabase();
  console.log(database.embedded ? `Using the embedded PostgreSQL (data in .data/postgres).` : "Using DATABASE_URL.");
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

  const childEnv = {
    ...process.env,
    PORT: port,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await ensureAppSecret(database.url, "nextauth_secret")),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };

  if (mode === "start" && !existsSync(".next/BUILD_ID")) {
    console.log("No production build yet: running `next build` (about two minutes)…");
    const build = spawnSync(next, ["build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) {
      await database.release();
      process.exit(build.status ?? 1);
    }
  }

  const server = spawn(next, [mode, "--port", port], {
    stdio: "inherit",
    env: mode === "start" ? { ...childEnv, NODE_OPTIONS: productionNodeOptions() } : childEnv,
  });
  console.log(`\nConvometer: http://localhost:${port}\nFirst time? Create your account at http://localhost:${port}/signup\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", async (code) => {
    // The embedded server is stopped cleanly (fast shutdown), never left running or killed mid-write.
    await database.release();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
