import { getFormatter, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/stat";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { Overview } from "@/lib/usage/read-overview";

/** The five-second answer: used of included, what is left, overage, rate and run-out date. */
export async function UsageSummary({ overview, planName }: { overview: Overview; planName: string }) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: overview.timeZone });
  const number = (value: number) => format.number(value);
  const runsOut = overview.runsOutOn === null ? t("runsOutNever") : overview.remaining.total <= 0 ? t("runsOutNow") : date(overview.runsOutOn);
  return (
    <section aria-label={t("usedLabel")} className="space-y-4">
      <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm font-medium text-slate-700" data-testid="overview-used">
            {t("usedOfIncluded", { used: number(overview.usedThisPeriod), included: number(overview.plan.included), plan: planName })}
          </p>
          <p className="text-xs text-slate-500">{t("period", { start: date(overview.periodStart), end: date(new Date(overview.periodEnd.getTime() - 1)) })}</p>
        </div>
        <div className="mt-3">
          <ProgressBar value={overview.usedThisPeriod} max={overview.plan.included} label={t("usedLabel")} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label={t("remaining")}
          value={number(overview.remaining.total)}
          hint={t("remainingHint", { plan: number(overview.remaining.plan), packs: number(overview.remaining.packs) })}
          testId="overview-remaining"
        />
        <Stat label={t("overage")} value={number(overview.overage)} hint={t("overageHint")} testId="overview-overage" />
        <Stat label={t("rate")} value={t("rateValue", { rate: format.number(overview.dailyRate, { maximumFractionDigits: 1 }) })} hint={t("rateHint")} testId="overview-rate" />
        <Stat label={t("runsOut")} value={runsOut} hint={t("runsOutHint")} testId="overview-runs-out" />
      </div>
    </section>
  );
}
