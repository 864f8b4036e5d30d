// DELETE /api/v1/end-users/:endUserId: erase one customer's message texts and id (right to erasure)
import { notFound } from "@/lib/errors";
import { apiKeyRoute } from "@/lib/http/api-key-route";
import { endUserIdSchema } from "@/lib/metering/schemas";
import { eraseEndUser } from "@/lib/privacy/erase-end-user";

export const DELETE = apiKeyRoute<{ endUserId: string }>(async (_request, identity, params) => {
  // Next.js has already percent-decoded the segment; an id no event could have had is unknown.
  const endUserId = endUserIdSchema.safeParse(params.endUserId);
  if (!endUserId.success) throw notFound("End user");
  const erased = await eraseEndUser({ workspaceId: identity.workspaceId, endUserId: endUserId.data, apiKeyId: identity.keyId });
  return Response.json(erased, { headers: { "Cache-Control": "no-store" } });
});
