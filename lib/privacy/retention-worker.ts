import { env } from "@/lib/env";
import { startPeriodicTask } from "@/lib/background/start-periodic-task";
import { purgeExpiredTexts } from "@/lib/privacy/purge-expired-texts";

/**
 * Applies retention settings on every app instance at a fixed interval. Purges are idempotent
 * UPDATEs, so two instances running one at the same time erase nothing twice.
 */
export function startRetentionWorker(): void {
  startPeriodicTask("Message retention purge", env().RETENTION_PURGE_INTERVAL_MS, async () => {
    await purgeExpiredTexts();
  });
}
