import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole, type Role } from "@/lib/workspaces/roles";

type Actor = { userId: string; role: Role };

/** Members and pending invitations of a workspace, for the settings page. */
export async function listMembers(workspaceId: string) {
  const [members, invitations] = await Promise.all([
    db().membership.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db().invitation.findMany({
      where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { members: members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt })), invitations };
}

// WARNING: a workspace always keeps at least one owner, or nobody could manage it again.
async function assertOwnerRemains(tx: Tx, workspaceId: string, userId: string) {
  const owners = await tx.membership.count({ where: { workspaceId, role: "owner", userId: { not: userId } } });
  if (owners === 0) throw new AppError({ code: "conflict", message: "A workspace needs at least one owner. Make someone else owner first." });
}

async function findTarget(tx: Tx, workspaceId: string, userId: string) {
  const target = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  if (!target) throw notFound("Member");
  return target;
}

function assertMayManage(actor: Actor, targetRole: Role, newRole?: Role) {
  if ((targetRole === "owner" || newRole === "owner") && !hasRole(actor.role, "owner")) {
    throw new AppError({ code: "forbidden", message: "Only an owner can change an owner or make someone owner." });
  }
}

export async function changeMemberRole(input: { workspaceId: string; actor: Actor; userId: string; role: Role }) {
  await db().$transaction(async (tx) => {
    const target = await findTarget(tx, input.workspaceId, input.userId);
    assertMayManage(input.actor, target.role, input.role);
    if (target.role === "owner" && input.role !== "owner") await assertOwnerRemains(tx, input.workspaceId, input.userId);
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } }, data: { role: input.role } });
    await recordAudit(tx, { workspaceId: input.workspaceId, actorUserId: input.actor.userId, action: "member.role_changed", details: { userId: input.userId, from: target.role, to: input.role } });
  });
}

export async function removeMember(input: { workspaceId: string; actor: Actor; userId: string }) {
  await db().$transaction(async (tx) => {
    const target = await findTarget(tx, input.workspaceId, input.userId);
    assertMayManage(input.actor, target.role);
    if (target.role === "owner") await assertOwnerRemains(tx, input.workspaceId, input.userId);
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } } });
    await recordAudit(tx, { workspaceId: input.workspaceId, actorUserId: input.actor.userId, action: "member.removed", details: { userId: input.userId, role: target.role } });
  });
}

export async function revokeInvitation(input: { workspaceId: string; invitationId: string }) {
  const revoked = await db().invitation.updateMany({ where: { id: input.invitationId, workspaceId: input.workspaceId, acceptedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw notFound("Invitation");
}
