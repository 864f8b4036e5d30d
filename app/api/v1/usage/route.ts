// GET /api/v1/usage: the current period's credits and conversation counts
import { apiKeyRoute } from "@/lib/http/api-key-route";
import { readUsage } from "@/lib/conversations/read-usage";

export const GET = apiKeyRoute(async (_request, identity) => {
  const usage = await readUsage(identity.workspaceId);
  return Response.json(
    {
      periodStart: usage.periodStart.toISOString(),
      periodEnd: usage.periodEnd.toISOString(),
      plan: usage.plan,
      usedThisPeriod: usage.usedThisPeriod,
      remaining: usage.remaining,
      overage: usage.overage,
      conversations: usage.conversations,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
