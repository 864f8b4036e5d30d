declare global {
  // Kept on globalThis so a hot reload in development does not start a second timer.
  var convometerPeriodicTasks: Map<string, NodeJS.Timeout> | undefined;
}

/**
 * Runs `task` every `intervalMs` in this app instance, never two runs at once, once per `name`
 * however often it is started. A failed run (the database restarting, say) is logged and retried on
 * the next tick; the timer does not keep the process alive.
 */
export function startPeriodicTask(name: string, intervalMs: number, task: () => Promise<void>): void {
  const tasks = (globalThis.convometerPeriodicTasks ??= new Map());
  if (tasks.has(name)) return;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      console.error(`${name} failed; retrying on the next tick:`, error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  tasks.set(name, timer);
}
