import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/stat";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/format/format-money";
import { pricingFigure } from "@/lib/insights/figures";
import { parseInsightsRange, rangeSearch } from "@/lib/insights/range";
import { readPricingComparison } from "@/lib/insights/read-pricing-comparison";
import { CostChart } from "./cost-chart";
import { FigureCard } from "./figure-card";
import { RangeForm } from "./range-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("metaTitle") };
}

// Per conversation vs per message: what the range cost in conversation credits and would have in message credits.
export default async function PricingInsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await requireWorkspaceContext();
  const range = parseInsightsRange(await searchParams, workspace.timeZone);
  const [comparison, t, format, locale] = await Promise.all([readPricingComparison(workspace, range), getTranslations("insights.pricing"), getFormatter(), getLocale()]);
  const currency = env().BILLING_CURRENCY;
  const money = (cents: number) => formatMoney(cents, currency, locale);
  // Unit prices can be fractions of a cent; show them to a tenth of a cent.
  const unitPrice = (cents: number) => new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), maximumFractionDigits: 4 }).format(cents / 100);
  const { totals, prices } = comparison;
  const verdict =
    comparison.differenceCents > 0
      ? t("verdictCheaper", { amount: money(comparison.differenceCents) })
      : comparison.differenceCents < 0
        ? t("verdictDearer", { amount: money(-comparison.differenceCents) })
        : t("verdictEqual");
  const chart = comparison.days.map((day) => ({
    label: format.dateTime(new Date(`${day.day}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" }),
    conversation: day.conversationCents / 100,
    message: day.messageCents / 100,
  }));
  return (
    <div className="space-y-6">
      <RangeForm range={range} action="/dashboard/insights" />
      <div className="grid gap-3 md:grid-cols-3">
        <Stat label={t("conversationCost")} value={money(totals.conversationCents)} hint={t("conversationCostHint", { count: totals.charged, price: unitPrice(prices.centsPerConversation) })} testId="pricing-conversation-cost" />
        <Stat label={t("messageCost")} value={money(totals.messageCents)} hint={t("messageCostHint", { count: totals.messages, price: unitPrice(prices.centsPerMessage) })} testId="pricing-message-cost" />
        <Stat
          label={t("perConversation")}
          value={unitPrice(comparison.messageCentsPerConversation)}
          hint={t("perConversationHint", { messages: format.number(comparison.messagesPerConversation, { maximumFractionDigits: 1 }), price: unitPrice(prices.centsPerConversation) })}
          testId="pricing-per-conversation"
        />
      </div>
      <p className="text-sm font-medium text-slate-800" data-testid="pricing-verdict">
        {verdict}
      </p>
      <FigureCard
        figure={pricingFigure(comparison)}
        title={t("title")}
        description={t("description")}
        search={rangeSearch(range)}
        chart={<CostChart data={chart} label={t("chartTitle")} conversationLabel={t("conversationSeries")} messageLabel={t("messageSeries")} currency={currency} />}
      />
    </div>
  );
}
