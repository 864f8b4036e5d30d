import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { HistogramChart } from "@/components/charts/histogram-chart";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { timeoutsFigure } from "@/lib/insights/figures";
import { parseInsightsRange, rangeSearch } from "@/lib/insights/range";
import { runTimeoutWhatIf } from "@/lib/insights/run-timeout-what-if";
import { parseCustomTimeout } from "@/lib/insights/schemas";
import { FigureCard } from "../figure-card";
import { RangeForm } from "../range-form";
import { filterInputClass } from "@/components/ui/filter-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("metaTitle") };
}


// Timeout what-if: the range's events replayed under other inactivity timeouts, on the server, in one pass.
export default async function TimeoutInsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await requireWorkspaceContext();
  const params = await searchParams;
  const range = parseInsightsRange(params, workspace.timeZone);
  const custom = parseCustomTimeout(params.custom);
  const [report, t, format] = await Promise.all([runTimeoutWhatIf(workspace, range, custom), getTranslations("insights.timeout"), getFormatter()]);
  const current = report.outcomes.find((o) => o.timeoutMinutes === report.currentTimeoutMinutes);
  const bars = report.outcomes.map((o) => ({
    bucket: `${t("minutes", { minutes: o.timeoutMinutes })}${o.timeoutMinutes === report.currentTimeoutMinutes ? ` (${t("current")})` : ""}`,
    conversations: o.chargeable,
  }));
  const extra: Record<string, string> = custom === null ? {} : { custom: String(custom) };
  return (
    <div className="space-y-6">
      <RangeForm range={range} action="/dashboard/insights/timeout" extra={extra} />
      <form method="get" action="/dashboard/insights/timeout" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <input type="hidden" name="from" value={range.from} />
        <input type="hidden" name="to" value={range.to} />
        <label className="text-sm font-medium text-slate-700">
          {t("customLabel")}
          <input type="number" name="custom" min={1} max={1440} step={1} defaultValue={custom ?? ""} className={filterInputClass("w-28")} data-testid="custom-timeout" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
          {t("customApply")}
        </button>
      </form>
      <p className="text-sm font-medium text-slate-800" data-testid="timeout-current">
        {t("atCurrent", { minutes: report.currentTimeoutMinutes, count: current?.chargeable ?? 0 })}
      </p>
      <FigureCard
        figure={timeoutsFigure(report)}
        title={t("title")}
        description={t("description")}
        search={rangeSearch(range, extra)}
        chart={<HistogramChart data={bars} label={t("title")} valueLabel={t("billable")} />}
      />
      <p className="text-xs text-slate-500">
        {t("replayed", { messages: report.messages, ms: format.number(Math.round(report.elapsedMs)) })} {t("boundaryNote")}
      </p>
    </div>
  );
}
