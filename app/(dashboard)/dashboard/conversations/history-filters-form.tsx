import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateRangeFields, filterInputClass } from "@/components/ui/filter-fields";
import type { HistoryValues } from "@/lib/conversations/history-filters";

/** A plain GET form: the filters live in the URL, so they survive reloads, links and the back button. */
export async function HistoryFiltersForm({ values, exportHref }: { values: HistoryValues; exportHref: string }) {
  const t = await getTranslations("history");
  const select = (name: "status" | "channel" | "billable", options: [string, string][]) => (
    <label className="text-sm font-medium text-slate-700">
      {t(name === "billable" ? "charged" : name)}
      <select name={name} defaultValue={values[name] ?? ""} className={filterInputClass()}>
        <option value="">{t("any")}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/dashboard/conversations" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label={t("filters")}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <DateRangeFields from={values.from} to={values.to} labels={{ from: t("from"), to: t("to") }} />
        {select("status", [
          ["open", t("statuses.open")],
          ["closed", t("statuses.closed")],
          ["cancelled", t("statuses.cancelled")],
        ])}
        {select("channel", [
          ["live", t("channels.live")],
          ["test", t("channels.test")],
          ["preview", t("channels.preview")],
        ])}
        {select("billable", [
          ["true", t("yes")],
          ["false", t("no")],
        ])}
        <label className="text-sm font-medium text-slate-700">
          {t("endUser")}
          <input type="search" name="q" defaultValue={values.q} placeholder={t("endUserPlaceholder")} className={filterInputClass()} />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
          {t("apply")}
        </button>
        <Link href="/dashboard/conversations" className="text-sm font-semibold text-slate-600 hover:underline">
          {t("reset")}
        </Link>
        <a href={exportHref} className="ml-auto text-sm font-semibold text-brand-600 hover:underline" data-testid="export-csv">
          {t("exportCsv")}
        </a>
      </div>
    </form>
  );
}
