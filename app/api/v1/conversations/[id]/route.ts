// GET /api/v1/conversations/:id: one conversation with its messages in order
import { notFound } from "@/lib/errors";
import { apiKeyRoute } from "@/lib/http/api-key-route";
import { getConversation } from "@/lib/conversations/get-conversation";
import { conversationIdSchema } from "@/lib/conversations/schemas";

export const GET = apiKeyRoute<{ id: string }>(async (_request, identity, params) => {
  const id = conversationIdSchema.safeParse(params.id);
  if (!id.success) throw notFound("Conversation");
  return Response.json(await getConversation(identity.workspaceId, id.data), { headers: { "Cache-Control": "no-store" } });
});
