import { env } from "@/lib/env";
import { purgeExpiredTexts } from "@/lib/privacy/purge-expired-texts";

declare global {
  var convometerRetentionWorker: NodeJS.Timeout | undefined;
}

/**
 * Applies retention settings on every app instance at a fixed interval. Purges are idempotent
 * UPDATEs, so two instances running one at the same time erase nothing twice.
 */
export function startRetentionWorker(): void {
  if (globalThis.convometerRetentionWorker) return;
  let running = false;
  globalThis.convometerRetentionWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await purgeExpiredTexts();
    } catch (error) {
      console.error("Message retention purge failed; retrying on the next tick:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, env().RETENTION_PURGE_INTERVAL_MS);
  globalThis.convometerRetentionWorker.unref();
}
