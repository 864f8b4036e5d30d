// POST /api/v1/events: record message events (one, or a batch of up to 1,000)
import { apiKeyRoute } from "@/lib/http/api-key-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { ingestEvents } from "@/lib/metering/ingest/ingest-events";
import { parseEventBatch } from "@/lib/metering/parse-event-batch";
import { EVENT_LIMITS } from "@/lib/metering/schemas";

export const POST = apiKeyRoute(async (request, identity) => {
  const body = await readJsonBody(request, EVENT_LIMITS.maxBodyBytes);
  const receivedAt = new Date();
  const events = parseEventBatch(body, receivedAt.getTime());
  const result = await ingestEvents(identity.workspaceId, events, receivedAt);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
