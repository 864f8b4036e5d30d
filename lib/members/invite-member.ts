import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole, type Role } from "@/lib/workspaces/roles";

const VALID_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Invites an email to the workspace with a role. Returns the one-time link path; only its hash is
 * stored. Admins may invite admins and viewers; only owners may invite owners.
 */
export async function inviteMember(input: { workspaceId: string; workspaceName: string; inviter: { userId: string; role: Role }; email: string; role: Role }) {
  if (input.role === "owner" && !hasRole(input.inviter.role, "owner")) {
    throw new AppError({ code: "forbidden", message: "Only an owner can invite another owner." });
  }
  const already = await db().membership.findFirst({ where: { workspaceId: input.workspaceId, user: { email: input.email } }, select: { role: true } });
  if (already) throw new AppError({ code: "conflict", message: `${input.email} is already a member (${already.role}).` });

  const token = randomBytes(32).toString("base64url");
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workspaceId: input.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: input.inviter.userId,
        expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000),
      },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(tx, { workspaceId: input.workspaceId, actorUserId: input.inviter.userId, action: "member.invited", details: { email: input.email, role: input.role } });
    // The link is always shown to the inviter; it is also mailed (after commit, by the outbox worker)
    // when an SMTP server is configured.
    if (env().SMTP_URL) {
      const link = new URL(`/invite/${token}`, env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
      await tx.outboxMessage.create({
        data: {
          workspaceId: input.workspaceId,
          channel: "email",
          recipient: input.email,
          subject: `You are invited to ${input.workspaceName} on Convometer`,
          body: `You are invited to join ${input.workspaceName} as ${input.role}.\n\nAccept within ${VALID_DAYS} days: ${link}`,
        },
      });
    }
    return created;
  });
  return { invitationId: invitation.id, path: `/invite/${token}`, expiresAt: invitation.expiresAt };
}
