// npm run bench: ingest throughput against the raw insert ceiling, single-event latency, exactness,
// and dashboard/export timings at a million conversations. Starts the built app on a fresh database
// and drives it over HTTP from this process. Never part of `npm test`.
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { ApiClient } from "../e2e/support/api-client";
import { HttpSession } from "../e2e/support/http-session";
import { generateSessions, inBatches, type GeneratedEvent } from "../e2e/support/sessions";
import { startTestApp, startTestDatabase, type TestApp } from "../e2e/support/test-environment";
import { cpuSecondsOf, memoryOf, percentile, postgresCpuSeconds, runConcurrently } from "./bench/load";
import { seedScale } from "./bench/seed-scale";
import { timeWhatIf } from "./bench/what-if";

const SCALE = Number(process.env.BENCH_SCALE ?? 1_000_000);
const BATCH_SESSIONS = Number(process.env.BENCH_SESSIONS ?? 40_000);
const SINGLE_REQUESTS = Number(process.env.BENCH_SINGLE_REQUESTS ?? 8_000);
const APP_ENV = { API_RATE_LIMIT_PER_SECOND: "1000000", API_RATE_LIMIT_BURST: "1000000", DATABASE_POOL_SIZE: "8" };
const results: Record<string, number | string> = {};
const rows: [string, string, string][] = [];

function record(name: string, value: number, unit: string, target = "") {
  results[name] = Math.round(value * 100) / 100;
  rows.push([name, `${value.toLocaleString("en", { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1 })} ${unit}`, target]);
}

/**
 * 4 clients sending batches of 500; with several instances, each batch goes to the next instance in
 * turn. Also measures where the CPU went (app processes vs PostgreSQL backends), per 1,000 events.
 */
async function batchIngest(apis: ApiClient[], events: GeneratedEvent[], cpu?: { appPids: number[]; database: string }) {
  const batches = inBatches(events, 500);
  const cpuNow = () => ({
    app: (cpu?.appPids ?? []).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    postgres: cpu ? postgresCpuSeconds(cpu.database) : 0,
  });
  const before = cpuNow();
  const run = await runConcurrently(4, batches.length, async (index) => {
    const api = apis[index % apis.length] as ApiClient;
    const { status } = await api.postEvents(batches[index]);
    if (status !== 200) throw new Error(`batch ${index}: HTTP ${status}`);
  });
  const after = cpuNow();
  const perThousand = (seconds: number) => (seconds * 1000 * 1000) / events.length;
  return { eventsPerSecond: events.length / run.seconds, appCpuMsPer1k: perThousand(after.app - before.app), postgresCpuMsPer1k: perThousand(after.postgres - before.postgres) };
}

async function rawCeiling(databaseUrl: string, events: GeneratedEvent[], workspaceId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  await pool.query(`CREATE TABLE bench_raw (workspace_id uuid, event_id text, role text, end_user_id text, at timestamptz, text text, PRIMARY KEY (workspace_id, event_id))`);
  const batches = inBatches(events, 500);
  const run = await runConcurrently(4, batches.length, async (index) => {
    const batch = batches[index] ?? [];
    await pool.query(
      `INSERT INTO bench_raw SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])`,
      [workspaceId, batch.map((e) => e.id), batch.map((e) => e.role), batch.map((e) => e.endUserId), batch.map((e) => e.timestamp), batch.map((e) => e.text)],
    );
  });
  await pool.query("DROP TABLE bench_raw");
  await pool.end();
  return events.length / run.seconds;
}

async function billedConversations(databaseUrl: string, workspaceId: string, prefix: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows: found } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM conversations WHERE workspace_id = $1 AND billable AND end_user_id LIKE $2`, [
    workspaceId,
    `${prefix}-%`,
  ]);
  await client.end();
  return found[0]?.count ?? 0;
}

async function recordExactness(name: string, databaseUrl: string, workspaceId: string, prefix: string, sessions: number) {
  const billed = await billedConversations(databaseUrl, workspaceId, prefix);
  results[name] = billed === sessions ? "yes" : `no (${billed} billed of ${sessions})`;
  rows.push([name, String(results[name]), "billed = sessions"]);
}

/** Server time of a page, steady state: one unmeasured request first (the first render compiles and warms caches). */
async function timePage(session: HttpSession, path: string, samples = 25) {
  await (await session.fetch(path)).arrayBuffer();
  const timings: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const response = await session.fetch(path);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  const database = await startTestDatabase();
  process.env.DATABASE_URL = database.url;
  const app: TestApp = await startTestApp(database.url, APP_ENV);
  const pid = app.process.pid;
  const databaseName = new URL(database.url).pathname.slice(1);
  try {
    const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
    const workspace = await createWorkspace({ name: "Bench", plan: "business", apiKeyName: "bench" }, { kind: "new", email: "bench@example.test", password: "bench password" });
    const api = new ApiClient(app.url, workspace.apiKey?.key ?? "");

    // Sessions one second apart, all in the past (timestamps ahead of the clock are refused).
    const past = (sessions: number) => Date.now() - (sessions + 3_600) * 1000;
    const events = generateSessions(BATCH_SESSIONS, { prefix: "b1", startMs: past(BATCH_SESSIONS) });
    const ceiling = await rawCeiling(database.url, events, workspace.workspaceId);
    // Warm-up (JIT, caches, pool connections), not measured.
    await batchIngest([api], generateSessions(2_000, { prefix: "w0", startMs: past(2_000) }));
    const measured = await batchIngest([api], events, { appPids: [pid ?? 0], database: databaseName });
    const batch = measured.eventsPerSecond;
    record("raw_insert_ceiling_events_per_s", ceiling, "events/s");
    record("batch_ingest_events_per_s", batch, "events/s", "≥ 20,000 and ≥ 0.5 × ceiling");
    record("batch_to_ceiling_ratio", batch / ceiling, "×", "≥ 0.5");
    record("batch_app_cpu_ms_per_1k_events", measured.appCpuMsPer1k, "ms");
    record("batch_postgres_cpu_ms_per_1k_events", measured.postgresCpuMsPer1k, "ms");
    await recordExactness("exact_after_batch", database.url, workspace.workspaceId, "b1", BATCH_SESSIONS);

    // The app is stateless: a second instance on the same database shares the load, exactly.
    const second = await startTestApp(database.url, APP_ENV);
    try {
      const shared = generateSessions(BATCH_SESSIONS / 2, { prefix: "b3", startMs: past(BATCH_SESSIONS / 2) });
      const both = await batchIngest([api, new ApiClient(second.url, api.apiKey)], shared);
      record("batch_ingest_two_instances_events_per_s", both.eventsPerSecond, "events/s", "same 2 cores");
      await recordExactness("exact_after_two_instances", database.url, workspace.workspaceId, "b3", BATCH_SESSIONS / 2);
    } finally {
      await second.stop();
    }

    const single = generateSessions(SINGLE_REQUESTS / 4, { prefix: "s1", startMs: past(SINGLE_REQUESTS / 4) }).slice(0, SINGLE_REQUESTS);
    const run = await runConcurrently(32, single.length, async (index) => {
      const { status } = await api.postEvents(single[index]);
      if (status !== 200) throw new Error(`single ${index}: HTTP ${status}`);
    });
    record("single_event_requests_per_s", single.length / run.seconds, "req/s");
    record("single_event_p50_ms", percentile(run.latenciesMs, 50), "ms");
    record("single_event_p99_ms", percentile(run.latenciesMs, 99), "ms", "≤ 50 ms");
    // The floor under any request: the same load on a route that runs one `SELECT 1`.
    const health = await runConcurrently(32, SINGLE_REQUESTS, async () => {
      const response = await fetch(`${app.url}/api/health`);
      await response.arrayBuffer();
    });
    record("health_route_requests_per_s", SINGLE_REQUESTS / health.seconds, "req/s");
    record("health_route_p99_ms", percentile(health.latenciesMs, 99), "ms");

    const seedStarted = performance.now();
    await seedScale(database.url, workspace.workspaceId, SCALE);
    record("seed_seconds", (performance.now() - seedStarted) / 1000, "s");

    const session = new HttpSession(app.url);
    await session.signIn("bench@example.test", "bench password");
    const overview = await timePage(session, "/dashboard");
    record("overview_p50_ms", overview.p50, "ms");
    record("overview_p95_ms", overview.p95, "ms", "≤ 150 ms");
    const history = await timePage(session, "/dashboard/conversations");
    record("history_p50_ms", history.p50, "ms");
    record("history_p95_ms", history.p95, "ms", "≤ 150 ms");
    const filtered = await timePage(session, "/dashboard/conversations?status=closed&channel=live&billable=true");
    record("history_filtered_p95_ms", filtered.p95, "ms", "≤ 150 ms");
    // The hardest search: a prefix matching 111,111 of the 1M end users, with status filters on top.
    const searched = await timePage(session, "/dashboard/conversations?status=closed&channel=live&billable=true&q=scale-user-5");
    record("history_search_broad_prefix_p95_ms", searched.p95, "ms", "≤ 150 ms");
    const customer = await timePage(session, "/dashboard/conversations?q=scale-user-512345");
    record("history_search_one_customer_p95_ms", customer.p95, "ms", "≤ 150 ms");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows: one } = await client.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 ORDER BY started_at DESC LIMIT 1 OFFSET 5000`, [workspace.workspaceId]);
    await client.end();
    const detail = await timePage(session, `/dashboard/conversations/${one[0]?.id}`);
    record("conversation_detail_p95_ms", detail.p95, "ms", "≤ 150 ms");

    const whatIf = await timeWhatIf(database.url, workspace.workspaceId);
    record("what_if_at_1m_messages_ms", whatIf.ms, `ms (${whatIf.messages.toLocaleString("en")} messages, 6 timeouts)`, "≤ 5,000 ms");

    const exportStarted = performance.now();
    const exported = await session.fetch("/dashboard/conversations/export");
    const text = await exported.text();
    const exportedRows = text.split("\r\n").length - 2;
    record("export_rows_per_s", exportedRows / ((performance.now() - exportStarted) / 1000), "rows/s", "≥ 50,000");
    record("export_rows", exportedRows, "rows");

    const again = generateSessions(BATCH_SESSIONS / 2, { prefix: "b2", startMs: past(BATCH_SESSIONS / 2) });
    const batchAtScale = (await batchIngest([api], again)).eventsPerSecond;
    record("batch_ingest_at_scale_events_per_s", batchAtScale, "events/s", "within 10 % of empty");
    record("batch_at_scale_vs_empty", batchAtScale / batch, "×", "≥ 0.9");
    await recordExactness("exact_at_scale", database.url, workspace.workspaceId, "b2", BATCH_SESSIONS / 2);
    record("app_peak_rss_mb", memoryOf(pid).peakMb, "MB", "≤ 400 MB");
  } finally {
    await app.stop();
    await database.stop();
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  console.log(`\nConvometer benchmark on ${machine} (scale ${SCALE.toLocaleString("en")} conversations)\n`);
  console.log("| measure | value | target |\n| --- | --- | --- |");
  for (const [name, value, target] of rows) console.log(`| ${name} | ${value} | ${target} |`);
  console.log(`\n${JSON.stringify({ machine, scale: SCALE, ...results })}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
