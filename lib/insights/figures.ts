import { csvField } from "@/lib/conversations/export-conversations-csv";
import type { PricingComparison } from "./compare-pricing";
import type { Patterns } from "./read-patterns";
import type { ForecastReport } from "./read-forecast";
import type { TimeoutWhatIfReport } from "./run-timeout-what-if";

export const FIGURE_IDS = ["pricing", "timeouts", "forecast", "plans", "heatmap", "session-lengths", "messages", "cancelled", "top-end-users"] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export type FigureValue = string | number | boolean | null;

/**
 * One figure as a table: the same rows feed the readable table beside the chart and its CSV, so the
 * download always says what the page shows. Column names are stable identifiers (the page translates
 * them); a column ending in `_cents` holds money in cents.
 */
export interface Figure {
  id: FigureId;
  columns: string[];
  rows: FigureValue[][];
}

export function isFigureId(value: string): value is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(value);
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function pricingFigure(comparison: PricingComparison): Figure {
  return {
    id: "pricing",
    columns: ["day", "conversations", "charged", "messages", "conversation_credits_cents", "message_credits_cents"],
    rows: [...comparison.days, comparison.totals].map((d) => [d.day, d.conversations, d.charged, d.messages, d.conversationCents, d.messageCents]),
  };
}

export function timeoutsFigure(report: TimeoutWhatIfReport): Figure {
  return {
    id: "timeouts",
    columns: ["timeout_minutes", "current", "conversations", "billable", "answered", "cancelled"],
    rows: report.outcomes.map((o) => [o.timeoutMinutes, o.timeoutMinutes === report.currentTimeoutMinutes, o.conversations, o.chargeable, o.answered, o.cancelled]),
  };
}

export function forecastFigure(report: ForecastReport): Figure {
  return { id: "forecast", columns: ["day", "used", "expected", "low", "high"], rows: report.series.map((p) => [p.day, p.used, p.expected, p.low, p.high]) };
}

export function plansFigure(report: ForecastReport): Figure {
  return {
    id: "plans",
    columns: ["plan", "included", "plan_cents", "packs", "packs_cents", "total_cents"],
    rows: report.advice.plans.map((p) => [p.planId, p.included, p.planCents, p.packs.items.map((i) => `${i.count} × ${i.id}`).join(" + "), p.packs.priceCents, p.totalCents]),
  };
}

export function heatmapFigure(patterns: Patterns): Figure {
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  const count = (weekday: number, hour: number) => patterns.heatmap.find((c) => c.weekday === weekday && c.hour === hour)?.conversations ?? 0;
  return {
    id: "heatmap",
    columns: ["weekday", ...hours.map((hour) => `h${String(hour).padStart(2, "0")}`)],
    rows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, ...hours.map((hour) => count(weekday, hour))]),
  };
}

export function sessionLengthsFigure(patterns: Patterns): Figure {
  return { id: "session-lengths", columns: ["bucket", "conversations"], rows: patterns.sessionLengths.map((b) => [b.bucket, b.conversations]) };
}

export function messagesFigure(patterns: Patterns): Figure {
  return { id: "messages", columns: ["bucket", "conversations"], rows: patterns.messagesPerConversation.map((b) => [b.bucket, b.conversations]) };
}

export function cancelledFigure(patterns: Patterns): Figure {
  const share = patterns.finished ? round((patterns.cancelled / patterns.finished) * 100, 1) : 0;
  return { id: "cancelled", columns: ["finished", "cancelled", "cancelled_percent"], rows: [[patterns.finished, patterns.cancelled, share]] };
}

export function topEndUsersFigure(patterns: Patterns): Figure {
  return {
    id: "top-end-users",
    columns: ["end_user_id", "conversations", "charged", "cancelled"],
    rows: patterns.topEndUsers.map((u) => [u.endUserId, u.conversations, u.charged, u.cancelled]),
  };
}

/** The figure as CSV (RFC 4180, formula-safe like the history export). */
export function figureCsv(figure: Figure): string {
  return [figure.columns, ...figure.rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
