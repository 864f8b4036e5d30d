import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { HistogramChart } from "@/components/charts/histogram-chart";
import { StackedDaysChart } from "@/components/charts/stacked-days-chart";
import type { Overview } from "@/lib/usage/read-overview";

export async function UsageCharts({ overview }: { overview: Overview }) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  const days = overview.days.map((point) => ({
    ...point,
    label: format.dateTime(new Date(`${point.day}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" }),
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <Card title={t("perDayTitle")} description={t("perDayDescription")}>
          <StackedDaysChart
            label={t("perDayTitle")}
            data={days}
            series={[
              { key: "billable", label: t("billable"), color: "#2f6fed" },
              { key: "unanswered", label: t("unanswered"), color: "#f59e0b" },
              { key: "test", label: t("test"), color: "#94a3b8" },
            ]}
          />
        </Card>
      </div>
      <Card title={t("messagesTitle")} description={t("shapesDescription")}>
        <HistogramChart label={t("messagesTitle")} valueLabel={t("conversations")} data={overview.messagesPerConversation} />
      </Card>
      <Card title={t("durationTitle")} description={t("shapesDescription")}>
        <HistogramChart label={t("durationTitle")} valueLabel={t("conversations")} data={overview.durations} color="#0ea5e9" />
      </Card>
    </div>
  );
}
