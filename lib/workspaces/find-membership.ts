import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Role } from "@/lib/workspaces/roles";

export interface WorkspaceMembership {
  role: Role;
  workspace: { id: string; name: string; plan: string; timeoutMinutes: number; timeZone: string; messageRetentionDays: number | null };
}

const select = {
  role: true,
  workspace: { select: { id: true, name: true, plan: true, timeoutMinutes: true, timeZone: true, messageRetentionDays: true } },
} as const;

/** The user's membership of one workspace; a workspace they do not belong to is "not found". */
export async function findMembershipOrThrow(userId: string, workspaceId: string): Promise<WorkspaceMembership> {
  const membership = await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select });
  if (!membership) throw notFound("Workspace");
  return membership;
}

/** Every workspace of the user, oldest membership first (the first is the default). */
export function listMemberships(userId: string): Promise<WorkspaceMembership[]> {
  return db().membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select });
}
