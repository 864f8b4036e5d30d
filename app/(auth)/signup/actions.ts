"use server";

import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { clientIp } from "@/lib/auth/client-ip";
import { signUpSchema } from "@/lib/auth/schemas";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

const SIGN_UPS_PER_IP = { limit: 20, windowSeconds: 60 * 60 };

/** Creates the account and its first workspace; the form then signs in with the same credentials. */
export async function signUp(input: unknown): Promise<ActionResult<{ workspaceId: string }>> {
  return runAction(async () => {
    const data = signUpSchema.parse(input);
    const limit = await hitRateLimit(`sign-up:ip:${clientIp(await headers())}`, SIGN_UPS_PER_IP);
    if (!limit.allowed) {
      throw new AppError({ code: "rate_limited", message: "Too many sign-ups from this network. Try again later.", retryAfterSeconds: limit.retryAfterSeconds });
    }
    const created = await createWorkspace(
      { name: data.workspaceName },
      { kind: "new", email: data.email, password: data.password, name: data.name },
    );
    return { workspaceId: created.workspaceId };
  });
}
