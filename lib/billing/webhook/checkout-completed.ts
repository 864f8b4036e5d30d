import type Stripe from "stripe";
import { z } from "zod";
import type { Queryable } from "@/lib/database/with-transaction";
import { grantPackCredits } from "@/lib/credits/grant-pack-credits";
import { PACKS, isPackId } from "@/lib/credits/packs";

interface PurchaseRow {
  id: string;
  workspace_id: string;
  status: "pending" | "paid" | "refunded" | "expired";
  pack_id: string;
}

/**
 * A finished Checkout. Pack purchases are granted once paid (card payments at completion, delayed
 * methods at async_payment_succeeded); the purchase row is locked first, so whichever of the two
 * events or their redeliveries comes first grants, and the others find it paid.
 */
export async function handleCheckoutCompleted(client: Queryable, session: Stripe.Checkout.Session): Promise<string> {
  const workspaceId = session.metadata?.workspaceId ?? session.client_reference_id;
  if (!workspaceId || !z.uuid().safeParse(workspaceId).success) return "ignored: no workspace on the session";
  if (session.mode === "subscription") return linkSubscription(client, workspaceId, session);
  if (session.payment_status !== "paid") return `awaiting payment (${session.payment_status})`;

  const packId = session.metadata?.packId ?? "";
  if (!isPackId(packId)) return `ignored: unknown pack "${packId}"`;
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);

  // A session created outside this app (a payment link) still grants, once.
  await client.query(
    `INSERT INTO pack_purchases (workspace_id, pack_id, conversations, amount_cents, currency, checkout_session_id)
     SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM workspaces WHERE id = $1)
     ON CONFLICT (checkout_session_id) DO NOTHING`,
    [workspaceId, packId, PACKS[packId].conversations, session.amount_total ?? 0, session.currency ?? "eur", session.id],
  );
  const { rows } = await client.query<PurchaseRow>(
    `SELECT id, workspace_id, status, pack_id FROM pack_purchases WHERE checkout_session_id = $1 FOR UPDATE`,
    [session.id],
  );
  const purchase = rows[0];
  if (!purchase) return "ignored: unknown workspace";
  if (purchase.workspace_id !== workspaceId) return "ignored: session belongs to another workspace";
  if (purchase.status !== "pending") return `already ${purchase.status}`;

  const grant = await grantPackCredits(client, {
    workspaceId,
    packId,
    conversations: PACKS[packId].conversations,
    kind: "pack_purchase",
    description: `Bought ${packId}`,
    purchaseId: purchase.id,
  });
  await client.query(
    `UPDATE pack_purchases SET status = 'paid', paid_at = now(), payment_intent_id = $2, amount_cents = coalesce($3, amount_cents) WHERE id = $1`,
    [purchase.id, paymentIntentId, session.amount_total],
  );
  return `granted ${PACKS[packId].conversations} conversations${grant.settledOverage ? ` (${grant.settledOverage} paid off overage)` : ""}`;
}

async function linkSubscription(client: Queryable, workspaceId: string, session: Stripe.Checkout.Session): Promise<string> {
  const customer = typeof session.customer === "string" ? session.customer : (session.customer?.id ?? null);
  const subscription = typeof session.subscription === "string" ? session.subscription : (session.subscription?.id ?? null);
  await client.query(
    `UPDATE workspaces SET stripe_customer_id = coalesce($2, stripe_customer_id), subscription_id = coalesce($3, subscription_id) WHERE id = $1`,
    [workspaceId, customer, subscription],
  );
  return "subscription linked";
}
