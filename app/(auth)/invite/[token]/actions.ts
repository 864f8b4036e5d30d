"use server";

import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/errors";
import { runAction } from "@/lib/actions/action-result";
import { authOptions } from "@/lib/auth/options";
import { WORKSPACE_COOKIE } from "@/lib/auth/current-workspace";
import { cookieOptions } from "@/lib/http/cookie-options";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { acceptWithNewAccountSchema, invitationTokenSchema } from "@/lib/members/schemas";

async function openWorkspace(workspaceId: string) {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, cookieOptions());
}

/** Accepts as the signed-in user (who must own the invited email) and opens the workspace. */
export async function acceptAsSignedInUser(token: string) {
  return runAction(async () => {
    const session = await getServerSession(authOptions());
    if (!session?.user?.id) throw new AppError({ code: "unauthorized", message: "Sign in first." });
    const joined = await acceptInvitation({ token: invitationTokenSchema.parse(token), userId: session.user.id });
    await openWorkspace(joined.workspaceId);
    return joined;
  });
}

/** Creates the invited email's account, joins, and opens the workspace; the form then signs in. */
export async function acceptWithNewAccount(input: unknown) {
  return runAction(async () => {
    const { token, password, name } = acceptWithNewAccountSchema.parse(input);
    const joined = await acceptInvitation({ token, newAccount: { password, name } });
    await openWorkspace(joined.workspaceId);
    return joined;
  });
}
