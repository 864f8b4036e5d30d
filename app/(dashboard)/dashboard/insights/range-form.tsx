import { getFormatter, getTranslations } from "next-intl/server";
import type { InsightsRange } from "@/lib/insights/range";

const inputClass =
  "mt-1 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600";

/** A plain GET form: the range lives in the URL, so views, reloads and CSV links share it. */
export async function RangeForm({ range, action, extra = {} }: { range: InsightsRange; action: string; extra?: Record<string, string> }) {
  const t = await getTranslations("insights.range");
  const format = await getFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <form method="get" action={action} aria-label={t("label")} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <label className="text-sm font-medium text-slate-700">
        {t("from")}
        <input type="date" name="from" defaultValue={range.from} className={inputClass} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        {t("to")}
        <input type="date" name="to" defaultValue={range.to} className={inputClass} />
      </label>
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
        {t("apply")}
      </button>
      <p className="text-sm text-slate-600" data-testid="insights-range">
        {t("showing", { from: day(range.from), to: day(range.to), timeZone: range.timeZone })}
      </p>
    </form>
  );
}
