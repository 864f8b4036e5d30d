import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { formatMoney } from "@/lib/format/format-money";
import { ConfirmLocalCheckout } from "./confirm-local-checkout";

export const metadata: Metadata = { title: "Test checkout · Convometer" };

/** The local stand-in for Stripe Checkout, used when no Stripe key is configured. */
export default async function LocalCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { workspace } = await requireWorkspaceContext();
  const { sessionId } = await params;
  const purchase = await db().packPurchase.findFirst({
    where: { checkoutSessionId: sessionId, workspaceId: workspace.id },
    select: { packId: true, conversations: true, amountCents: true, currency: true, status: true },
  });
  if (!purchase) notFound();
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Checkout</h1>
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 ring-1 ring-amber-200" role="note">
        Test payment: Stripe is not configured on this server, so no card is charged. Confirming sends the same signed payment event Stripe would.
      </p>
      <Card title={`${purchase.conversations.toLocaleString("en")} conversations (${purchase.packId})`}>
        <p className="text-3xl font-semibold tabular-nums">{formatMoney(purchase.amountCents, purchase.currency)}</p>
        <p className="mt-1 text-sm text-slate-600">One-time purchase for {workspace.name}. Never expires.</p>
        <div className="mt-5">
          {purchase.status === "pending" ? <ConfirmLocalCheckout sessionId={sessionId} /> : <p className="text-sm font-medium text-emerald-700">This checkout is already paid.</p>}
        </div>
      </Card>
    </div>
  );
}
