import { readdirSync, readFileSync } from "node:fs";

/** Runs `task` from `clients` concurrent loops until `total` tasks are done; returns each task's latency. */
export async function runConcurrently(clients: number, total: number, task: (index: number) => Promise<void>): Promise<{ seconds: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = next++; index < total; index = next++) {
        const begin = performance.now();
        await task(index);
        latenciesMs.push(performance.now() - begin);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Peak and current resident memory of a process, in MB, from /proc. */
export function memoryOf(pid: number | undefined): { peakMb: number; currentMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    return { peakMb: Math.round(read("VmHWM")), currentMb: Math.round(read("VmRSS")) };
  } catch {
    return { peakMb: 0, currentMb: 0 };
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 when unreadable. */
export function cpuSecondsOf(pid: number | string | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by the local PostgreSQL backends serving `database` (0 for a remote server). */
export function postgresCpuSeconds(database: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (command.startsWith("postgres: ") && command.split(" ")[2] === database) total += cpuSecondsOf(pid);
  }
  return total;
}
