import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/workspaces/roles";

/**
 * Adds a user (created with `password` when the email is new) to a workspace with a role.
 * Used by the operator CLI; dashboard invitations arrive with the dashboard issue.
 */
export async function addMember(input: { workspaceId: string; email: string; password: string; role: Role; actorUserId: string | null }) {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true } });
    if (!workspace) throw new AppError({ code: "not_found", message: `Workspace ${input.workspaceId} not found.` });
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, passwordHash },
      update: {},
      select: { id: true },
    });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: user.id } },
      create: { workspaceId: input.workspaceId, userId: user.id, role: input.role },
      update: { role: input.role },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: "member.added",
      details: { userId: user.id, email: input.email, role: input.role },
    });
    return { userId: user.id };
  });
}
