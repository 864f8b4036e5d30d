-- Payments: pack purchases (Stripe Checkout or the local test checkout), processed Stripe events,
-- and the subscription that sets a workspace's plan and billing period.

CREATE TYPE "purchase_status" AS ENUM ('pending', 'paid', 'refunded', 'expired');

ALTER TABLE "workspaces"
    ADD COLUMN "stripe_customer_id" TEXT,
    ADD COLUMN "subscription_id" TEXT,
    ADD COLUMN "subscription_status" TEXT,
    ADD COLUMN "subscription_period_start" TIMESTAMPTZ(3),
    ADD COLUMN "subscription_period_end" TIMESTAMPTZ(3),
    ADD COLUMN "subscription_event_at" TIMESTAMPTZ(3);
CREATE UNIQUE INDEX "workspaces_stripe_customer_id_key" ON "workspaces"("stripe_customer_id");
CREATE UNIQUE INDEX "workspaces_subscription_id_key" ON "workspaces"("subscription_id");

CREATE TABLE "pack_purchases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "pack_id" TEXT NOT NULL,
    "conversations" INTEGER NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "checkout_session_id" TEXT NOT NULL,
    "payment_intent_id" TEXT,
    "status" "purchase_status" NOT NULL DEFAULT 'pending',
    "reclaimed" INTEGER NOT NULL DEFAULT 0,
    "receipt_url" TEXT,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMPTZ(3),
    "refunded_at" TIMESTAMPTZ(3),
    CONSTRAINT "pack_purchases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pack_purchases_reclaimed_range" CHECK ("reclaimed" >= 0 AND "reclaimed" <= "conversations")
);
CREATE UNIQUE INDEX "pack_purchases_checkout_session_id_key" ON "pack_purchases"("checkout_session_id");
CREATE UNIQUE INDEX "pack_purchases_payment_intent_id_key" ON "pack_purchases"("payment_intent_id");
CREATE INDEX "pack_purchases_workspace_id_created_at_idx" ON "pack_purchases"("workspace_id", "created_at");

ALTER TABLE "credit_packs" ADD COLUMN "purchase_id" UUID;
CREATE UNIQUE INDEX "credit_packs_purchase_id_key" ON "credit_packs"("purchase_id");

CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "pack_purchases" ADD CONSTRAINT "pack_purchases_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "credit_packs" ADD CONSTRAINT "credit_packs_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "pack_purchases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
