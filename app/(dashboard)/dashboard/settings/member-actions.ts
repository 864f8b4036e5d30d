"use server";

import { revalidatePath } from "next/cache";
import { requireEnv } from "@/lib/env";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { inviteMember } from "@/lib/members/invite-member";
import { changeMemberRole, removeMember, revokeInvitation } from "@/lib/members/manage-members";
import { changeRoleSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/members/schemas";

export const inviteWorkspaceMember = workspaceAction({ schema: inviteMemberSchema, role: "admin" }, async ({ email, role }, context) => {
  const invitation = await inviteMember({ workspaceId: context.workspace.id, workspaceName: context.workspace.name, inviter: { userId: context.user.id, role: context.role }, email, role });
  revalidatePath("/dashboard/settings");
  return { link: new URL(invitation.path, requireEnv("NEXTAUTH_URL")).toString() };
});

export const changeWorkspaceMemberRole = workspaceAction({ schema: changeRoleSchema, role: "admin" }, async ({ userId, role }, context) => {
  await changeMemberRole({ workspaceId: context.workspace.id, actor: { userId: context.user.id, role: context.role }, userId, role });
  revalidatePath("/dashboard/settings");
  return { userId };
});

export const removeWorkspaceMember = workspaceAction({ schema: removeMemberSchema, role: "admin" }, async ({ userId }, context) => {
  await removeMember({ workspaceId: context.workspace.id, actor: { userId: context.user.id, role: context.role }, userId });
  revalidatePath("/dashboard/settings");
  return { userId };
});

export const revokeWorkspaceInvitation = workspaceAction({ schema: revokeInvitationSchema, role: "admin" }, async ({ invitationId }, context) => {
  await revokeInvitation({ workspaceId: context.workspace.id, invitationId });
  revalidatePath("/dashboard/settings");
  return { invitationId };
});
