-- Insights replay a date range of a workspace's events (timeout what-if); without this index the
-- range would scan every event of the workspace.
CREATE INDEX "events_workspace_id_at_idx" ON "events" ("workspace_id", "at");
