// GET /api/v1/conversations: the workspace's conversations, newest first, filtered, cursor-paginated
import { apiKeyRoute } from "@/lib/http/api-key-route";
import { parseQuery } from "@/lib/http/parse-query";
import { listConversations } from "@/lib/conversations/list-conversations";
import { conversationFiltersSchema } from "@/lib/conversations/schemas";

export const GET = apiKeyRoute(async (request, identity) => {
  const filters = parseQuery(request, conversationFiltersSchema);
  return Response.json(await listConversations(identity.workspaceId, filters), { headers: { "Cache-Control": "no-store" } });
});
