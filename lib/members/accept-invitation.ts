import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashInvitationToken } from "@/lib/members/invite-member";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";

const invalid = () => new AppError({ code: "not_found", message: "This invitation link is invalid, used or expired. Ask for a new one." });

/** The pending invitation behind a link, for the page that offers to accept it. */
export async function findInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() < Date.now()) return null;
  const account = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return { ...invitation, hasAccount: Boolean(account) };
}

/**
 * Joins the invited workspace. The signed-in user must own the invited email; a visitor without an
 * account creates one for that email. The invitation is consumed in the same transaction.
 */
export async function acceptInvitation(input: { token: string } & ({ userId: string } | { newAccount: { password: string; name?: string } })): Promise<{ workspaceId: string; userId: string }> {
  const passwordHash = "newAccount" in input ? await hashPassword(input.newAccount.password) : null;
  try {
    return await db().$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(input.token) } });
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() < Date.now()) throw invalid();
      let userId: string;
      if ("userId" in input) {
        const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
        if (user?.email !== invitation.email) {
          throw new AppError({ code: "forbidden", message: `This invitation is for ${invitation.email}. Sign in with that email to accept it.` });
        }
        userId = input.userId;
      } else {
        const created = await tx.user.create({
          data: { email: invitation.email, passwordHash: passwordHash ?? "", name: input.newAccount.name ?? null },
          select: { id: true },
        });
        userId = created.id;
      }
      // Claim the invitation first: a second acceptance of the same link finds it used.
      const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
      if (claimed.count === 0) throw invalid();
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
        create: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
        update: {},
      });
      await recordAudit(tx, { workspaceId: invitation.workspaceId, actorUserId: userId, action: "member.added", details: { email: invitation.email, role: invitation.role, via: "invitation" } });
      return { workspaceId: invitation.workspaceId, userId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError({ code: "conflict", message: "An account with this email already exists. Sign in to accept the invitation." });
    throw error;
  }
}
