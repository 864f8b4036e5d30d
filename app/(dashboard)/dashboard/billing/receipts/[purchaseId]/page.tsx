import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { findPurchase } from "@/lib/billing/read-billing-overview";
import { formatDateTime } from "@/lib/format/format-date-time";
import { formatMoney } from "@/lib/format/format-money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.receipt");
  return { title: t("metaTitle") };
}

export default async function ReceiptPage({ params }: { params: Promise<{ purchaseId: string }> }) {
  const { workspace } = await requireWorkspaceContext();
  const { purchaseId } = await params;
  const purchase = /^[0-9a-f-]{36}$/.test(purchaseId) ? await findPurchase(workspace.id, purchaseId) : null;
  if (!purchase) notFound();
  const [t, locale] = await Promise.all([getTranslations("billing.receipt"), getLocale()]);
  const rows: [string, string][] = [
    [t("number"), purchase.id.slice(0, 8).toUpperCase()],
    [t("datePaid"), purchase.paidAt ? formatDateTime(purchase.paidAt, workspace.timeZone, locale) : "—"],
    [t("billedTo"), workspace.name],
    [t("item"), t("itemValue", { pack: purchase.packId, count: purchase.conversations })],
    [t("amountPaid"), formatMoney(purchase.amountCents, purchase.currency, locale)],
    [t("paymentReference"), purchase.paymentIntentId ?? purchase.checkoutSessionId],
    [t("status"), purchase.status === "refunded" ? t("refunded", { count: purchase.reclaimed }) : t("paid")],
  ];
  return (
    <div className="mx-auto max-w-lg">
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="receipt">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
        <dl className="mt-5 divide-y divide-slate-100 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <Link href="/dashboard/billing" className="mt-4 inline-block text-sm font-semibold text-brand-600 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
