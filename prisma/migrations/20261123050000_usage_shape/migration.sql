-- Per-day distributions of messages per conversation and conversation duration (bucket edges in
-- lib/usage/conversation-shape.ts), maintained by ingest so the overview reads ~30 rows, not the
-- period's conversations.
ALTER TABLE "usage_daily"
  ADD COLUMN "message_buckets" INTEGER[] NOT NULL DEFAULT '{0,0,0,0,0,0}',
  ADD COLUMN "duration_buckets" INTEGER[] NOT NULL DEFAULT '{0,0,0,0,0,0}';

-- Element-wise sum, for ingest's upserts of bucket deltas.
CREATE FUNCTION add_buckets(a INTEGER[], b INTEGER[]) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT x + y FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) ORDER BY i)
$$;

-- Backfill from the conversations already stored, by start day in the workspace's time zone.
UPDATE "usage_daily" AS u
   SET "message_buckets" = s.message_buckets, "duration_buckets" = s.duration_buckets
  FROM (
    SELECT workspace_id, day, channel,
           ARRAY[count(*) FILTER (WHERE m = 0), count(*) FILTER (WHERE m = 1), count(*) FILTER (WHERE m = 2),
                 count(*) FILTER (WHERE m = 3), count(*) FILTER (WHERE m = 4), count(*) FILTER (WHERE m = 5)]::int[] AS message_buckets,
           ARRAY[count(*) FILTER (WHERE d = 0), count(*) FILTER (WHERE d = 1), count(*) FILTER (WHERE d = 2),
                 count(*) FILTER (WHERE d = 3), count(*) FILTER (WHERE d = 4), count(*) FILTER (WHERE d = 5)]::int[] AS duration_buckets
      FROM (
        SELECT c.workspace_id, (c.started_at AT TIME ZONE w.time_zone)::date AS day, c.channel,
               width_bucket(c.message_count, ARRAY[2, 3, 5, 9, 17]) AS m,
               width_bucket(extract(epoch FROM c.last_activity_at - c.started_at)::float8, ARRAY[60, 300, 900, 1800, 3600]::float8[]) AS d
          FROM "conversations" AS c JOIN "workspaces" AS w ON w.id = c.workspace_id
      ) AS bucketed
     GROUP BY workspace_id, day, channel
  ) AS s
 WHERE u.workspace_id = s.workspace_id AND u.day = s.day AND u.channel = s.channel;
