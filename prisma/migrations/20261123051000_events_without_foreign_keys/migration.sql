-- Ingest writes an event only in the transaction that writes its conversation, so these checks never
-- catch anything there, while their per-row triggers cost about half of each batch's event insert.
ALTER TABLE "events" DROP CONSTRAINT "events_conversation_id_fkey";
ALTER TABLE "events" DROP CONSTRAINT "events_workspace_id_fkey";
