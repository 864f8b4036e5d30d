// Runs once when each server instance starts: the outbox worker sends alerts after commit,
// the retention worker erases message texts past their workspace's retention, and expired sign-in and
// sign-up counters are deleted hourly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOutboxWorker } = await import("./lib/alerts/outbox-worker");
  startOutboxWorker();
  const { startRetentionWorker } = await import("./lib/privacy/retention-worker");
  startRetentionWorker();
  const { startPeriodicTask } = await import("./lib/background/start-periodic-task");
  const { pruneRateLimitWindows } = await import("./lib/rate-limit/hit-rate-limit");
  startPeriodicTask("Rate-limit window cleanup", 3_600_000, async () => {
    await pruneRateLimitWindows();
  });
}
