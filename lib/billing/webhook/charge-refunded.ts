import type Stripe from "stripe";
import type { Queryable } from "@/lib/database/with-transaction";
import { AppError } from "@/lib/errors";
import { reclaimPackCredits } from "@/lib/credits/reclaim-pack-credits";

/**
 * A refund takes back what is left of the pack, in proportion to the amount refunded, never below
 * what was already used. A refund for a payment not recorded yet (events out of order) is refused
 * with a non-2xx, so Stripe redelivers it after the purchase arrives.
 */
export async function handleChargeRefunded(client: Queryable, charge: Stripe.Charge): Promise<string> {
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  if (!paymentIntentId) return "ignored: no payment intent";
  const { rows } = await client.query<{ id: string; workspace_id: string; conversations: number; reclaimed: number; credit_pack_id: string | null }>(
    `SELECT p.id, p.workspace_id, p.conversations, p.reclaimed, c.id AS credit_pack_id
       FROM pack_purchases p LEFT JOIN credit_packs c ON c.purchase_id = p.id
      WHERE p.payment_intent_id = $1 FOR UPDATE OF p`,
    [paymentIntentId],
  );
  const purchase = rows[0];
  if (!purchase?.credit_pack_id) {
    throw new AppError({ code: "conflict", message: "The purchase of this refund is not recorded yet; Stripe will retry." });
  }
  const share = charge.amount > 0 ? Math.min(1, charge.amount_refunded / charge.amount) : 1;
  const wanted = Math.ceil(purchase.conversations * share) - purchase.reclaimed;
  const reclaimed = await reclaimPackCredits(client, {
    workspaceId: purchase.workspace_id,
    creditPackId: purchase.credit_pack_id,
    wanted,
    description: `Refund of ${(charge.amount_refunded / 100).toFixed(2)} ${charge.currency.toUpperCase()}`,
  });
  await client.query(
    `UPDATE pack_purchases SET reclaimed = reclaimed + $2, status = CASE WHEN $3 THEN 'refunded'::purchase_status ELSE status END,
            refunded_at = now() WHERE id = $1`,
    [purchase.id, reclaimed, charge.refunded],
  );
  return `refund: took back ${reclaimed} unused conversations`;
}
