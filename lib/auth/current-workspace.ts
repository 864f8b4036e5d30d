import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { listMemberships, type WorkspaceMembership } from "@/lib/workspaces/find-membership";
import type { Role } from "@/lib/workspaces/roles";

export const WORKSPACE_COOKIE = "cm_workspace";

export interface WorkspaceContext {
  user: { id: string; email: string; name: string | null };
  workspace: WorkspaceMembership["workspace"];
  role: Role;
  memberships: WorkspaceMembership[];
}

/**
 * The signed-in user and the workspace they are working in (chosen by cookie, checked against
 * their memberships on every request), or null. Cached for the duration of one request.
 */
export const getWorkspaceContext = cache(async (): Promise<WorkspaceContext | null> => {
  // Reading cookies first marks every page that asks for the context as rendered per request.
  const chosen = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  const memberships = await listMemberships(userId);
  const current = memberships.find((m) => m.workspace.id === chosen) ?? memberships[0];
  if (!current) return null;
  return {
    user: { id: userId, email: session.user.email ?? "", name: session.user.name ?? null },
    workspace: current.workspace,
    role: current.role,
    memberships,
  };
});

/** For dashboard pages: the context, or a redirect to sign-in. */
export async function requireWorkspaceContext(): Promise<WorkspaceContext> {
  const context = await getWorkspaceContext();
  if (!context) redirect("/login");
  return context;
}
