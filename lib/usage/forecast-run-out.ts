const DAY_MS = 86_400_000;

/** The day `remaining` credits are used up at `perDay`; now if none are left; null if nothing is used. */
export function forecastRunOut(remaining: number, perDay: number, now: Date): Date | null {
  if (remaining <= 0) return now;
  if (perDay <= 0) return null;
  return new Date(now.getTime() + (remaining / perDay) * DAY_MS);
}
