import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { HistogramChart } from "@/components/charts/histogram-chart";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { cancelledFigure, heatmapFigure, messagesFigure, sessionLengthsFigure, topEndUsersFigure } from "@/lib/insights/figures";
import { parseInsightsRange, rangeSearch } from "@/lib/insights/range";
import { readPatterns } from "@/lib/insights/read-patterns";
import { FigureCard } from "../figure-card";
import { RangeForm } from "../range-form";
import { HeatmapGrid } from "./heatmap-grid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("metaTitle") };
}

// Patterns: when customers come, how long and how much they talk, who never got an answer, who talks most.
export default async function PatternsInsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await requireWorkspaceContext();
  const range = parseInsightsRange(await searchParams, workspace.timeZone);
  const [patterns, t, tColumns, format] = await Promise.all([readPatterns(workspace, range), getTranslations("insights.patterns"), getTranslations("insights.columns"), getFormatter()]);
  const search = rangeSearch(range);
  const cancelled = cancelledFigure(patterns);
  const share = Number(cancelled.rows[0]?.[2] ?? 0);
  const hourLabels = Object.fromEntries(Array.from({ length: 24 }, (_, hour) => [`h${String(hour).padStart(2, "0")}`, `${hour}h`]));
  return (
    <div className="space-y-6">
      <RangeForm range={range} action="/dashboard/insights/patterns" />
      <FigureCard
        figure={heatmapFigure(patterns)}
        title={t("heatmapTitle")}
        description={t("heatmapDescription", { timeZone: workspace.timeZone })}
        search={search}
        chart={<HeatmapGrid heatmap={patterns.heatmap} label={t("heatmapTitle")} />}
        columnLabels={hourLabels}
        wideTable
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <FigureCard
          figure={sessionLengthsFigure(patterns)}
          title={t("sessionTitle")}
          description={t("shapesDescription")}
          search={search}
          chart={<HistogramChart data={patterns.sessionLengths} label={t("sessionTitle")} valueLabel={tColumns("conversations")} color="#0ea5e9" />}
          wideTable
        />
        <FigureCard
          figure={messagesFigure(patterns)}
          title={t("messagesTitle")}
          description={t("shapesDescription")}
          search={search}
          chart={<HistogramChart data={patterns.messagesPerConversation} label={t("messagesTitle")} valueLabel={tColumns("conversations")} />}
          wideTable
        />
      </div>
      <FigureCard
        figure={cancelled}
        title={t("cancelledTitle")}
        description={t("cancelledDescription")}
        search={search}
        chart={
          <div data-testid="cancelled-share">
            <p className="text-3xl font-semibold tabular-nums text-slate-900">{t("cancelledShare", { share: format.number(share) })}</p>
            <p className="text-sm text-slate-600">{t("cancelledCounts", { cancelled: format.number(patterns.cancelled), finished: format.number(patterns.finished) })}</p>
            <div className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-100">
              <div className="h-full bg-amber-500" style={{ width: `${share}%` }} />
            </div>
          </div>
        }
      />
      <FigureCard
        figure={topEndUsersFigure(patterns)}
        title={t("topTitle")}
        description={t("topDescription")}
        search={search}
        chart={<HistogramChart data={patterns.topEndUsers.map((u) => ({ bucket: u.endUserId, conversations: u.conversations }))} label={t("topTitle")} valueLabel={tColumns("conversations")} color="#8b5cf6" />}
      />
    </div>
  );
}
