import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { packPrice, planPrice } from "@/lib/billing/catalogue";
import { readBillingOverview, readLedgerPage } from "@/lib/billing/read-billing-overview";
import { PACKS, PACK_IDS } from "@/lib/credits/packs";
import { PLANS, PLAN_IDS } from "@/lib/credits/plans";
import { formatDateTime } from "@/lib/format/format-date-time";
import { formatMoney } from "@/lib/format/format-money";
import { hasRole } from "@/lib/workspaces/roles";
import { BuyPackButtons } from "./buy-pack-buttons";
import { LedgerTable } from "./ledger-table";
import { OveragePolicyForm } from "./overage-policy-form";
import { PlanPicker } from "./plan-picker";
import { PacksTable, PurchasesTable } from "./purchase-tables";

export const metadata: Metadata = { title: "Billing · Convometer" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ purchase?: string; before?: string }> }) {
  const { workspace, role } = await requireWorkspaceContext();
  const { purchase, before } = await searchParams;
  // The overview opens the period first, so the ledger read after it includes the allowance.
  const overview = await readBillingOverview(workspace.id);
  const ledger = await readLedgerPage(workspace.id, before);
  const { balance } = overview;
  const canManage = hasRole(role, "admin");
  const when = (date: Date) => formatDateTime(date, workspace.timeZone);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Billing</h1>
      {purchase === "success" ? <Alert tone="success">Payment received: your conversations were added.</Alert> : null}
      {purchase === "cancelled" ? <Alert tone="info">Checkout cancelled: nothing was charged.</Alert> : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Remaining" value={balance.remaining.total.toLocaleString("en")} hint="plan + packs" testId="billing-remaining-total" />
        <Stat label="Plan allowance left" value={`${balance.remaining.plan} / ${balance.plan.included}`} testId="billing-remaining-plan" />
        <Stat label="Pack conversations left" value={balance.remaining.packs.toLocaleString("en")} testId="billing-remaining-packs" />
        <Stat label="Overage" value={balance.overage.toLocaleString("en")} hint="paid off first by your next pack" testId="billing-overage" />
      </div>

      <Card
        title="Plan"
        description={`${PLANS[workspace.plan as keyof typeof PLANS]?.name ?? workspace.plan} plan · period ${when(balance.periodStart)} – ${when(balance.periodEnd)}${overview.subscriptionStatus ? ` · subscription ${overview.subscriptionStatus}` : ""}. The allowance renews each period and does not roll over; packs are always kept.`}
      >
        <PlanPicker
          current={workspace.plan}
          disabled={!canManage}
          plans={PLAN_IDS.map((id) => ({ id, name: PLANS[id].name, included: PLANS[id].includedConversations, price: formatMoney(planPrice(id).amountCents, planPrice(id).currency) }))}
        />
      </Card>

      <Card title="Conversation packs" description="Packs never expire and are drawn after the plan allowance, oldest first.">
        <BuyPackButtons
          disabled={!canManage}
          packs={PACK_IDS.map((id) => ({ id, conversations: PACKS[id].conversations, price: formatMoney(packPrice(id).amountCents, packPrice(id).currency) }))}
        />
        <div className="mt-5">
          <PacksTable packs={overview.packs.map((pack) => ({ ...pack, createdAt: when(pack.createdAt) }))} />
        </div>
      </Card>

      <Card title="Purchase history">
        <PurchasesTable
          purchases={overview.purchases.map((p) => ({ ...p, amount: formatMoney(p.amountCents, p.currency), date: when(p.paidAt ?? p.createdAt) }))}
        />
      </Card>

      <Card title="When credits run out" description="What happens to new conversations once the plan allowance and every pack are used up.">
        <OveragePolicyForm current={overview.overagePolicy} disabled={!canManage} />
      </Card>

      <Card title="Ledger" description="Every grant and charge. The balance is the sum of these entries.">
        <LedgerTable entries={ledger.entries.map((entry) => ({ ...entry, createdAt: when(entry.createdAt) }))} />
        <div className="mt-3 flex gap-4 text-sm">
          {before ? (
            <Link href="/dashboard/billing" className="font-semibold text-brand-600 hover:underline">
              ← Newest
            </Link>
          ) : null}
          {ledger.nextBefore ? (
            <Link href={`/dashboard/billing?before=${ledger.nextBefore}`} className="font-semibold text-brand-600 hover:underline">
              Older entries →
            </Link>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
