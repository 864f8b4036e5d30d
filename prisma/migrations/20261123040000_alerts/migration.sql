-- Usage alerts: thresholds, in-app notifications, and the outbox of e-mails and webhooks.

CREATE TYPE "alert_kind" AS ENUM ('percent_used', 'remaining_below');
CREATE TYPE "outbox_channel" AS ENUM ('email', 'webhook');
CREATE TYPE "outbox_status" AS ENUM ('pending', 'sent', 'stored', 'failed');

ALTER TABLE "workspaces"
    ADD COLUMN "alert_emails" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "alert_webhook_url" TEXT,
    ADD COLUMN "alert_webhook_secret" TEXT,
    ADD COLUMN "alert_locale" TEXT NOT NULL DEFAULT 'en';

CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "kind" "alert_kind" NOT NULL,
    "threshold" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "fired_period" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_rules_threshold_range" CHECK ("threshold" >= 0 AND ("kind" <> 'percent_used' OR "threshold" BETWEEN 1 AND 100))
);
CREATE INDEX "alert_rules_workspace_id_idx" ON "alert_rules"("workspace_id");

CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "rule_id" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notifications_workspace_id_created_at_idx" ON "notifications"("workspace_id", "created_at");

CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "channel" "outbox_channel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "outbox_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox"("status", "next_attempt_at");
CREATE INDEX "outbox_workspace_id_created_at_idx" ON "outbox"("workspace_id", "created_at");

CREATE TABLE "outbox_attempts" (
    "id" BIGSERIAL NOT NULL,
    "outbox_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status_code" INTEGER,
    "error" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outbox_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_attempts_outbox_id_idx" ON "outbox_attempts"("outbox_id");

ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outbox_attempts" ADD CONSTRAINT "outbox_attempts_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every workspace starts with the default thresholds: 80 % and 100 % of the plan allowance used.
INSERT INTO "alert_rules" ("workspace_id", "kind", "threshold")
SELECT "id", 'percent_used', t FROM "workspaces", (VALUES (80), (100)) AS defaults(t);
