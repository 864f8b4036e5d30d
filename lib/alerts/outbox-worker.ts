import { env } from "@/lib/env";
import { deliverDueMessages } from "@/lib/alerts/deliver-outbox";
import { startPeriodicTask } from "@/lib/background/start-periodic-task";

/**
 * Polls the outbox in every app instance (claims are exclusive, so instances never send the same
 * message twice at once), draining any backlog on each tick.
 */
export function startOutboxWorker(): void {
  startPeriodicTask("Outbox delivery", env().OUTBOX_POLL_MS, async () => {
    while ((await deliverDueMessages()) > 0) {
      // Keep draining while there is a backlog.
    }
  });
}
