import pg from "pg";

/**
 * Times the timeout what-if over the workspace's latest `messages` events (every standard timeout and
 * the workspace's own, in one streaming pass), the way the insights page runs it. The app's pool must
 * already point at the database (DATABASE_URL set before the call).
 */
export async function timeWhatIf(databaseUrl: string, workspaceId: string, messages = 1_000_000): Promise<{ ms: number; messages: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ start: Date | null; plan: string; timeout_minutes: number; time_zone: string }>(
    `SELECT (SELECT at FROM events WHERE workspace_id = $1 ORDER BY at DESC OFFSET $2 LIMIT 1) AS start, plan, timeout_minutes, time_zone FROM workspaces WHERE id = $1`,
    [workspaceId, messages - 1],
  );
  await client.end();
  const workspace = rows[0];
  if (!workspace) throw new Error(`Workspace ${workspaceId} not found.`);
  const { runTimeoutWhatIf } = await import("@/lib/insights/run-timeout-what-if");
  const { localDay } = await import("@/lib/metering/ingest/update-usage-daily");
  const start = workspace.start ?? new Date(0);
  const end = new Date(Date.now() + 60_000);
  const range = { from: localDay(start.getTime(), workspace.time_zone), to: localDay(end.getTime(), workspace.time_zone), start, end, timeZone: workspace.time_zone };
  const started = performance.now();
  const report = await runTimeoutWhatIf({ id: workspaceId, plan: workspace.plan, timeoutMinutes: workspace.timeout_minutes, timeZone: workspace.time_zone }, range);
  return { ms: performance.now() - started, messages: report.messages };
}
