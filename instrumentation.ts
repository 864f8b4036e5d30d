// Runs once when each server instance starts: the outbox worker sends alerts after commit,
// and the retention worker erases message texts past their workspace's retention.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOutboxWorker } = await import("./lib/alerts/outbox-worker");
  startOutboxWorker();
  const { startRetentionWorker } = await import("./lib/privacy/retention-worker");
  startRetentionWorker();
}
