/**
 * NODE_OPTIONS for a production app instance. Left alone, V8 lets the heap grow towards a quarter of
 * the machine's memory before collecting hard, so an instance's RSS drifts up with uptime and export
 * sizes; capping the old generation keeps it predictable (npm run bench reports the peak) for a small
 * cost in garbage collection. An operator's own NODE_OPTIONS wins.
 */
export function productionNodeOptions(env: NodeJS.ProcessEnv = process.env): string {
  return env.NODE_OPTIONS ?? "--max-old-space-size=256";
}
