// GET /dashboard/switch/:workspaceId: make another of the user's workspaces the current one
import { cookies } from "next/headers";
import { z } from "zod";
import { notFound } from "@/lib/errors";
import { redirectTo } from "@/lib/http/redirect";
import { sessionRoute } from "@/lib/http/session-route";
import { cookieOptions } from "@/lib/http/cookie-options";
import { WORKSPACE_COOKIE } from "@/lib/auth/current-workspace";
import { findMembershipOrThrow } from "@/lib/workspaces/find-membership";

const workspaceIdSchema = z.uuid();

export const GET = sessionRoute<{ workspaceId: string }>({ role: "viewer", changesState: true }, async (request, context, params) => {
  const parsed = workspaceIdSchema.safeParse(params.workspaceId);
  if (!parsed.success) throw notFound("Workspace");
  const membership = await findMembershipOrThrow(context.user.id, parsed.data);
  (await cookies()).set(WORKSPACE_COOKIE, membership.workspace.id, cookieOptions(request.url));
  return redirectTo("/dashboard");
});
