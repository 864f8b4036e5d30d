import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { formatMoney } from "@/lib/format/format-money";
import { ConfirmLocalCheckout } from "./confirm-local-checkout";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.checkout");
  return { title: t("metaTitle") };
}

/** The local stand-in for Stripe Checkout, used when no Stripe key is configured. */
export default async function LocalCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { workspace } = await requireWorkspaceContext();
  const { sessionId } = await params;
  const purchase = await db().packPurchase.findFirst({
    where: { checkoutSessionId: sessionId, workspaceId: workspace.id },
    select: { packId: true, conversations: true, amountCents: true, currency: true, status: true },
  });
  if (!purchase) notFound();
  const [t, locale] = await Promise.all([getTranslations("billing.checkout"), getLocale()]);
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 ring-1 ring-amber-200" role="note">
        {t("testNotice")}
      </p>
      <Card title={t("cardTitle", { count: purchase.conversations, pack: purchase.packId })}>
        <p className="text-3xl font-semibold tabular-nums">{formatMoney(purchase.amountCents, purchase.currency, locale)}</p>
        <p className="mt-1 text-sm text-slate-600">{t("oneTime", { workspace: workspace.name })}</p>
        <div className="mt-5">
          {purchase.status === "pending" ? <ConfirmLocalCheckout sessionId={sessionId} /> : <p className="text-sm font-medium text-emerald-700">{t("alreadyPaid")}</p>}
        </div>
      </Card>
    </div>
  );
}
