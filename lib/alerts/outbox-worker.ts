import { env } from "@/lib/env";
import { deliverDueMessages } from "@/lib/alerts/deliver-outbox";

declare global {
  var convometerOutboxWorker: NodeJS.Timeout | undefined;
}

/**
 * Polls the outbox in every app instance (claims are exclusive, so instances never send the same
 * message twice at once). Database outages are retried on the next tick.
 */
export function startOutboxWorker(): void {
  if (globalThis.convometerOutboxWorker) return;
  let running = false;
  globalThis.convometerOutboxWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await deliverDueMessages()) > 0) {
        // Keep draining while there is a backlog.
      }
    } catch (error) {
      console.error("Outbox delivery failed; retrying on the next tick:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, env().OUTBOX_POLL_MS);
  globalThis.convometerOutboxWorker.unref();
}
