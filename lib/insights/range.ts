import { z } from "zod";
import { localDay } from "@/lib/metering/ingest/update-usage-daily";
import { nextDay, startOfDayIn } from "@/lib/format/zoned-day";

export interface InsightsRange {
  /** First and last calendar day shown (YYYY-MM-DD, in the workspace's time zone), both included. */
  from: string;
  to: string;
  /** The instants the range covers: [start, end). */
  start: Date;
  end: Date;
  timeZone: string;
}

export const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value)));

function shiftDay(value: string, days: number): string {
  return new Date(Date.parse(`${value}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function read(raw: string | string[] | undefined): string | undefined {
  const parsed = day.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The range of the insights pages from the URL (`from`, `to`), by default the last 30 days up to today.
 * A bad or reversed value is corrected rather than refused, so a hand-edited URL still shows figures.
 */
export function parseInsightsRange(searchParams: Record<string, string | string[] | undefined>, timeZone: string, now = new Date()): InsightsRange {
  const today = localDay(now.getTime(), timeZone);
  let to = read(searchParams.to) ?? today;
  let from = read(searchParams.from) ?? shiftDay(to, 1 - DEFAULT_RANGE_DAYS);
  if (from > to) [from, to] = [to, from];
  if (Date.parse(to) - Date.parse(from) >= MAX_RANGE_DAYS * DAY_MS) from = shiftDay(to, 1 - MAX_RANGE_DAYS);
  return { from, to, start: startOfDayIn(from, timeZone), end: startOfDayIn(nextDay(to), timeZone), timeZone };
}

/** Every calendar day of the range, in order. */
export function rangeDays(range: Pick<InsightsRange, "from" | "to">): string[] {
  const days: string[] = [];
  for (let current = range.from; current <= range.to; current = nextDay(current)) days.push(current);
  return days;
}

/** The range as URL parameters, for links and CSV downloads that keep it. */
export function rangeSearch(range: Pick<InsightsRange, "from" | "to">, extra: Record<string, string> = {}): string {
  return `?${new URLSearchParams({ from: range.from, to: range.to, ...extra }).toString()}`;
}
