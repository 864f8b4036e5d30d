// npm test: type-check, unit tests, production build, then integration (HTTP) and Playwright (Chromium)
// suites against one freshly created PostgreSQL database and the built app. `npm test e2e` skips to
// the suites that need the app. `npm run test:faults` (`faults` mode) builds, then runs the long fault
// suite (e2e/faults: crashes, database restarts, the long property runs) against its own database.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { startTestApp, startTestDatabase } from "../e2e/support/test-environment";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const mode = process.argv[2];
const onlyApp = mode === "e2e" || mode === "faults";
const totals = { passed: 0, failed: 0 };

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const command = "apt-get update && apt-get install -y chromium";
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log(`Chromium is missing: installing Debian's package (${command})…`);
    if (spawnSync("sh", ["-c", command], { stdio: "inherit" }).status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error(`Chromium is missing. Install Debian's package, then run npm test again:\n  sudo sh -c '${command}'`);
  process.exit(1);
}

function count(report: string, read: (json: Record<string, unknown>) => { passed: number; failed: number }) {
  if (!existsSync(report)) return;
  const { passed, failed } = read(JSON.parse(readFileSync(report, "utf8")) as Record<string, unknown>);
  totals.passed += passed;
  totals.failed += failed;
}

const vitestCounts = (json: Record<string, unknown>) => ({ passed: Number(json.numPassedTests ?? 0), failed: Number(json.numFailedTests ?? 0) });
const playwrightCounts = (json: Record<string, unknown>) => {
  const stats = (json.stats ?? {}) as Record<string, number>;
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
};

async function main(): Promise<boolean> {
  if (mode !== "faults") ensureChromium();
  mkdirSync("test-results", { recursive: true });
  let ok = true;
  if (!onlyApp) {
    ok = run("Type-check", "node_modules/.bin/tsc", ["--noEmit"]) && ok;
    ok = run("Unit tests", "node_modules/.bin/vitest", ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]) && ok;
    count("test-results/unit.json", vitestCounts);
  }
  if (!run("Production build", "node_modules/.bin/next", ["build"], { ...process.env, NODE_ENV: "production" })) return false;

  console.log("\n▶ Starting a fresh PostgreSQL and the built app");
  const database = await startTestDatabase();
  const app = await startTestApp(database.url);
  const env = {
    ...process.env,
    CONVOMETER_TEST_APP_URL: app.url,
    CONVOMETER_TEST_DATABASE_URL: database.url,
    CONVOMETER_TEST_ADMIN_URL: database.adminUrl,
  };
  try {
    if (mode === "faults") {
      ok = run("Fault tests (crashes, database restarts, long property runs)", "node_modules/.bin/vitest", ["run", "--project", "faults", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/faults.json"], env);
      count("test-results/faults.json", vitestCounts);
      return ok;
    }
    ok = run("Integration tests (HTTP, PostgreSQL)", "node_modules/.bin/vitest", ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], env) && ok;
    count("test-results/integration.json", vitestCounts);
    ok = run("End-to-end journeys (Chromium)", "node_modules/.bin/playwright", ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/e2e.json" }) && ok;
    count("test-results/e2e.json", playwrightCounts);
  } finally {
    await app.stop();
    await database.stop();
  }
  return ok;
}

main().then(
  (ok) => {
    console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed`);
    process.exit(ok && totals.failed === 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
