import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { packPrice, planPrice } from "@/lib/billing/catalogue";
import { readBillingOverview, readLedgerPage } from "@/lib/billing/read-billing-overview";
import { PACKS, PACK_IDS } from "@/lib/credits/packs";
import { PLAN_IDS, PLANS, isPlanId } from "@/lib/credits/plans";
import { formatDateTime } from "@/lib/format/format-date-time";
import { formatMoney } from "@/lib/format/format-money";
import { hasRole } from "@/lib/workspaces/roles";
import { BuyPackButtons } from "./buy-pack-buttons";
import { LedgerTable } from "./ledger-table";
import { OveragePolicyForm } from "./overage-policy-form";
import { PlanPicker } from "./plan-picker";
import { PacksTable, PurchasesTable } from "./purchase-tables";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing");
  return { title: t("metaTitle") };
}

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ purchase?: string; before?: string }> }) {
  const { workspace, role } = await requireWorkspaceContext();
  const { purchase, before } = await searchParams;
  // The overview opens the period first, so the ledger read after it includes the allowance.
  const overview = await readBillingOverview(workspace.id);
  const ledger = await readLedgerPage(workspace.id, before);
  const [t, tCommon, format, locale] = await Promise.all([getTranslations("billing"), getTranslations("common"), getFormatter(), getLocale()]);
  const { balance } = overview;
  const canManage = hasRole(role, "admin");
  const when = (date: Date) => formatDateTime(date, workspace.timeZone, locale);
  const money = (price: { amountCents: number; currency: string }) => formatMoney(price.amountCents, price.currency, locale);
  const planName = (id: string) => (isPlanId(id) ? tCommon(`plans.${id}`) : id);
  const status = overview.subscriptionStatus;
  const planPeriod = { plan: planName(workspace.plan), start: when(balance.periodStart), end: when(balance.periodEnd) };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      {purchase === "success" ? <Alert tone="success">{t("purchaseSuccess")}</Alert> : null}
      {purchase === "cancelled" ? <Alert tone="info">{t("purchaseCancelled")}</Alert> : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label={t("stats.remaining")} value={format.number(balance.remaining.total)} hint={t("stats.remainingHint")} testId="billing-remaining-total" />
        <Stat label={t("stats.planLeft")} value={`${balance.remaining.plan} / ${balance.plan.included}`} testId="billing-remaining-plan" />
        <Stat label={t("stats.packsLeft")} value={format.number(balance.remaining.packs)} testId="billing-remaining-packs" />
        <Stat label={t("stats.overage")} value={format.number(balance.overage)} hint={t("stats.overageHint")} testId="billing-overage" />
      </div>

      <Card
        title={t("plan.title")}
        description={
          status
            ? t("plan.descriptionSubscribed", { ...planPeriod, status: t.has(`plan.subscriptionStatuses.${status}`) ? t(`plan.subscriptionStatuses.${status}`) : status })
            : t("plan.description", planPeriod)
        }
      >
        <PlanPicker
          current={workspace.plan}
          disabled={!canManage}
          plans={PLAN_IDS.map((id) => ({ id, name: planName(id), included: PLANS[id].includedConversations, price: money(planPrice(id)) }))}
        />
      </Card>

      <Card title={t("packs.title")} description={t("packs.description")}>
        <BuyPackButtons disabled={!canManage} packs={PACK_IDS.map((id) => ({ id, conversations: PACKS[id].conversations, price: money(packPrice(id)) }))} />
        <div className="mt-5">
          <PacksTable packs={overview.packs.map((pack) => ({ ...pack, createdAt: when(pack.createdAt) }))} />
        </div>
      </Card>

      <Card title={t("purchases.title")}>
        <PurchasesTable purchases={overview.purchases.map((p) => ({ ...p, amount: money(p), date: when(p.paidAt ?? p.createdAt) }))} />
      </Card>

      <Card title={t("overage.title")} description={t("overage.description")}>
        <OveragePolicyForm current={overview.overagePolicy} disabled={!canManage} />
      </Card>

      <Card title={t("ledger.title")} description={t("ledger.description")}>
        <LedgerTable entries={ledger.entries.map((entry) => ({ ...entry, createdAt: when(entry.createdAt) }))} />
        <div className="mt-3 flex gap-4 text-sm">
          {before ? (
            <Link href="/dashboard/billing" className="font-semibold text-brand-600 hover:underline">
              {t("ledger.newest")}
            </Link>
          ) : null}
          {ledger.nextBefore ? (
            <Link href={`/dashboard/billing?before=${ledger.nextBefore}`} className="font-semibold text-brand-600 hover:underline">
              {t("ledger.older")}
            </Link>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
