import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { PACKS, isPackId } from "@/lib/credits/packs";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/format/format-money";
import { forecastFigure, plansFigure } from "@/lib/insights/figures";
import { readForecast } from "@/lib/insights/read-forecast";
import { hasRole } from "@/lib/workspaces/roles";
import { FigureCard } from "../figure-card";
import { BuySuggestedPack } from "./buy-suggested-pack";
import { ForecastChart } from "./forecast-chart";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("metaTitle") };
}

// Forecast and advice: period-end usage with its band, the run-out day, and the cheapest way to cover it.
export default async function ForecastInsightsPage() {
  const { workspace, role } = await requireWorkspaceContext();
  const [report, t, tCommon, format, locale] = await Promise.all([readForecast(workspace.id), getTranslations("insights.forecast"), getTranslations("common"), getFormatter(), getLocale()]);
  const { forecast, advice, balance } = report;
  const money = (cents: number) => formatMoney(cents, env().BILLING_CURRENCY, locale);
  const number = (value: number) => format.number(Math.round(value));
  const date = (value: Date | null) => (value === null ? t("never") : value.getTime() <= Date.now() ? t("now") : format.dateTime(value, { dateStyle: "medium", timeZone: balance.timeZone }));
  const packs = advice.packsNow.items.map((item) => `${item.count} × ${PACKS[isPackId(item.id) ? item.id : "pack-100"].conversations}`).join(" + ");
  const suggested = advice.packsNow.items[0];
  const planName = (id: string) => (tCommon.has(`plans.${id}`) ? tCommon(`plans.${id}`) : id);
  const chart = report.series.map((point) => ({
    label: format.dateTime(new Date(`${point.day}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" }),
    used: point.used,
    expected: point.expected,
    band: point.low === null || point.high === null ? null : ([point.low, point.high] as [number, number]),
  }));
  const plansTable = plansFigure(report);
  plansTable.rows = plansTable.rows.map(([plan, ...rest], index) => {
    const tags = [index === 0 ? t("cheapest") : null, plan === balance.plan.id ? t("yourPlan") : null].filter(Boolean);
    return [`${planName(String(plan))}${tags.length ? ` (${tags.join(", ")})` : ""}`, ...rest.map((value) => (value === "" ? t("nothing") : value))];
  });
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{t("periodEnd", { date: format.dateTime(new Date(balance.periodEnd.getTime() - 1), { dateStyle: "medium", timeZone: balance.timeZone }) })}</p>
      <div className="grid gap-3 md:grid-cols-3">
        <Stat label={t("projected")} value={number(forecast.projectedUsage.expected)} hint={t("projectedHint", { low: number(forecast.projectedUsage.low), high: number(forecast.projectedUsage.high) })} testId="forecast-projected" />
        <Stat
          label={t("rate")}
          value={format.number(forecast.ratePerDay.expected, { maximumFractionDigits: 1 })}
          hint={t("rateHint", { low: format.number(forecast.ratePerDay.low, { maximumFractionDigits: 1 }), high: format.number(forecast.ratePerDay.high, { maximumFractionDigits: 1 }) })}
          testId="forecast-rate"
        />
        <Stat label={t("runsOut")} value={date(forecast.runsOut.expected)} hint={t("runsOutHint", { earliest: date(forecast.runsOut.earliest), latest: date(forecast.runsOut.latest) })} testId="forecast-runs-out" />
      </div>
      <Card title={t("adviceTitle")}>
        <div className="space-y-3 text-sm text-slate-700" data-testid="forecast-advice">
          {suggested ? (
            <>
              <p>{t("adviceShort", { count: advice.shortfall, packs, price: money(advice.packsNow.priceCents) })}</p>
              {hasRole(role, "admin") ? <BuySuggestedPack packId={suggested.id} size={suggested.conversations} /> : <p className="text-slate-500">{t("buyNeedsAdmin")}</p>}
            </>
          ) : (
            <p>{t("adviceCovered", { remaining: number(report.remaining), high: number(forecast.projectedUsage.high - balance.usedThisPeriod) })}</p>
          )}
        </div>
      </Card>
      <FigureCard
        figure={forecastFigure(report)}
        title={t("title")}
        description={t("description", { days: report.rateDays })}
        search=""
        chart={<ForecastChart data={chart} label={t("title")} labels={{ used: t("used"), expected: t("expected"), band: t("band") }} available={balance.usedThisPeriod + report.remaining} />}
      />
      <FigureCard figure={plansTable} title={t("plansTitle")} description={t("plansDescription", { need: advice.monthlyNeed })} search="" />
    </div>
  );
}
