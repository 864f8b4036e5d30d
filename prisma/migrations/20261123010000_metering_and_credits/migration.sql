-- Metering (conversation keys, conversations, events) and the credit ledger (plan periods, packs,
-- ledger entries), plus the per-day usage rollups kept by the ingest transaction.

CREATE TYPE "overage_policy" AS ENUM ('continue', 'pause');
CREATE TYPE "channel" AS ENUM ('live', 'test', 'preview');
CREATE TYPE "event_type" AS ENUM ('message', 'close');
CREATE TYPE "message_role" AS ENUM ('user', 'assistant', 'system');
CREATE TYPE "close_reason" AS ENUM ('timeout', 'closed', 'topic_change');
CREATE TYPE "ledger_kind" AS ENUM ('plan_allowance', 'plan_expiry', 'pack_purchase', 'adjustment', 'refund_reversal', 'debit');

ALTER TABLE "workspaces"
    ADD COLUMN "overage_policy" "overage_policy" NOT NULL DEFAULT 'continue',
    ADD COLUMN "overage_outstanding" INTEGER NOT NULL DEFAULT 0,
    ADD CONSTRAINT "workspaces_overage_outstanding_non_negative" CHECK ("overage_outstanding" >= 0);

CREATE TABLE "conversation_keys" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "channel" "channel" NOT NULL,
    "end_user_id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL DEFAULT '',
    "open_conversation_id" UUID,
    CONSTRAINT "conversation_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "conversation_keys_identity_key" ON "conversation_keys"("workspace_id", "channel", "end_user_id", "thread_id");

CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "key_id" BIGINT NOT NULL,
    "channel" "channel" NOT NULL,
    "end_user_id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL,
    "topic" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" "close_reason",
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "user_message_count" INTEGER NOT NULL DEFAULT 0,
    "assistant_message_count" INTEGER NOT NULL DEFAULT 0,
    "system_message_count" INTEGER NOT NULL DEFAULT 0,
    "answered" BOOLEAN NOT NULL DEFAULT false,
    "billable" BOOLEAN NOT NULL DEFAULT false,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "charged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id"),
    -- WARNING: a conversation is charged exactly when it is billable; test traffic never is.
    CONSTRAINT "conversations_charged_iff_billable" CHECK (("charged_at" IS NOT NULL) = "billable"),
    CONSTRAINT "conversations_billable_is_live" CHECK (NOT "billable" OR ("channel" = 'live' AND "answered" AND NOT "blocked"))
);
CREATE INDEX "conversations_workspace_id_started_at_id_idx" ON "conversations"("workspace_id", "started_at" DESC, "id" DESC);
CREATE INDEX "conversations_workspace_id_end_user_id_started_at_idx" ON "conversations"("workspace_id", "end_user_id", "started_at" DESC);
CREATE INDEX "conversations_workspace_id_last_activity_at_idx" ON "conversations"("workspace_id", "last_activity_at");
CREATE INDEX "conversations_key_id_idx" ON "conversations"("key_id");

CREATE TABLE "events" (
    "workspace_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "type" "event_type" NOT NULL,
    "role" "message_role",
    "key_id" BIGINT NOT NULL,
    "conversation_id" UUID,
    "new_conversation" BOOLEAN NOT NULL,
    "charged" BOOLEAN NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "topic" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT,
    CONSTRAINT "events_pkey" PRIMARY KEY ("workspace_id", "event_id")
);
CREATE INDEX "events_conversation_id_seq_idx" ON "events"("conversation_id", "seq");

CREATE TABLE "plan_periods" (
    "workspace_id" UUID NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "plan" TEXT NOT NULL,
    "included" INTEGER NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "charged" INTEGER NOT NULL DEFAULT 0,
    "expired" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_periods_pkey" PRIMARY KEY ("workspace_id", "period_start"),
    CONSTRAINT "plan_periods_used_within_included" CHECK ("used" >= 0 AND "used" <= "included")
);

CREATE TABLE "credit_packs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "pack_id" TEXT NOT NULL,
    "granted" INTEGER NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "credit_packs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "credit_packs_used_within_granted" CHECK ("used" >= 0 AND "used" <= "granted")
);
CREATE INDEX "credit_packs_workspace_id_created_at_idx" ON "credit_packs"("workspace_id", "created_at");

CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "kind" "ledger_kind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "source" TEXT,
    "period_start" TIMESTAMPTZ(3),
    "credit_pack_id" UUID,
    "conversation_id" UUID,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entries_debit_shape" CHECK (("kind" = 'debit') = ("conversation_id" IS NOT NULL) AND ("kind" <> 'debit' OR "amount" = -1))
);
-- WARNING: this key is what makes a conversation chargeable at most once.
CREATE UNIQUE INDEX "ledger_entries_conversation_id_key" ON "ledger_entries"("conversation_id");
CREATE INDEX "ledger_entries_workspace_id_id_idx" ON "ledger_entries"("workspace_id", "id");

CREATE TABLE "usage_daily" (
    "workspace_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "channel" "channel" NOT NULL,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "charged" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("workspace_id", "day", "channel")
);

ALTER TABLE "conversation_keys" ADD CONSTRAINT "conversation_keys_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "conversation_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_periods" ADD CONSTRAINT "plan_periods_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "credit_packs" ADD CONSTRAINT "credit_packs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_credit_pack_id_fkey" FOREIGN KEY ("credit_pack_id") REFERENCES "credit_packs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
