import { getFormatter, getTranslations } from "next-intl/server";
import { DateRangeFields } from "@/components/ui/filter-fields";
import type { InsightsRange } from "@/lib/insights/range";

/** A plain GET form: the range lives in the URL, so views, reloads and CSV links share it. */
export async function RangeForm({ range, action, extra = {} }: { range: InsightsRange; action: string; extra?: Record<string, string> }) {
  const t = await getTranslations("insights.range");
  const format = await getFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <form method="get" action={action} aria-label={t("label")} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <DateRangeFields from={range.from} to={range.to} labels={{ from: t("from"), to: t("to") }} />
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
