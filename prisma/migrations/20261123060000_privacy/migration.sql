-- Privacy: how long message texts are kept (NULL = for ever). Erasure and purges only null texts
-- and rename end users; counts, charges and the ledger never change.

ALTER TABLE "workspaces"
    ADD COLUMN "message_retention_days" INTEGER,
    ADD CONSTRAINT "workspaces_message_retention_days_range" CHECK ("message_retention_days" BETWEEN 1 AND 3650);

-- The audit page reads a workspace's entries newest first, a page at a time (keyset on id).
CREATE INDEX "audit_log_workspace_id_id_idx" ON "audit_log"("workspace_id", "id");
