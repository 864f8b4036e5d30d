import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An operator's view of a workspace: settings, members and key count. */
export async function showWorkspace(workspaceId: string) {
  const workspace = await db().workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      name: true,
      plan: true,
      timeoutMinutes: true,
      timeZone: true,
      createdAt: true,
      memberships: { select: { role: true, user: { select: { id: true, email: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { apiKeys: { where: { revokedAt: null } } } },
    },
  });
  if (!workspace) throw new AppError({ code: "not_found", message: `Workspace ${workspaceId} not found.` });
  const { memberships, _count, ...rest } = workspace;
  return {
    ...rest,
    members: memberships.map((m) => ({ userId: m.user.id, email: m.user.email, role: m.role })),
    activeApiKeys: _count.apiKeys,
  };
}
