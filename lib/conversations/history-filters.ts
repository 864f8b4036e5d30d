import { z } from "zod";
import type { ListFilters } from "@/lib/conversations/conversation-query";
import { nextDay, startOfDayIn } from "@/lib/format/zoned-day";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value)));

// Each filter is read on its own: a hand-edited URL with one bad value still shows the rest.
const fields = {
  from: day,
  to: day,
  status: z.enum(["open", "closed", "cancelled"]),
  channel: z.enum(["live", "test", "preview"]),
  billable: z.enum(["true", "false"]),
  q: z.string().trim().min(1).max(256),
  cursor: z.string().max(200),
};

export type HistoryValues = Partial<{ [K in keyof typeof fields]: z.output<(typeof fields)[K]> }>;

/** The dashboard history's URL parameters, as the values to show and the filters to apply. */
export function parseHistoryFilters(searchParams: Record<string, string | string[] | undefined>, timeZone: string): { values: HistoryValues; filters: ListFilters } {
  const values: HistoryValues = {};
  for (const [name, schema] of Object.entries(fields)) {
    const raw = searchParams[name];
    const parsed = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) Object.assign(values, { [name]: parsed.data });
  }
  return {
    values,
    filters: {
      from: values.from ? startOfDayIn(values.from, timeZone).toISOString() : undefined,
      to: values.to ? new Date(startOfDayIn(nextDay(values.to), timeZone).getTime() - 1).toISOString() : undefined,
      status: values.status,
      channel: values.channel,
      billable: values.billable === undefined ? undefined : values.billable === "true",
      endUserPrefix: values.q,
      cursor: values.cursor,
    },
  };
}

/** The same filters as URL parameters (without the cursor), for links that keep them. */
export function historySearch(values: HistoryValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (name !== "cursor" && value) params.set(name, value);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
