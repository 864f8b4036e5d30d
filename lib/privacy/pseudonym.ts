import { createHmac } from "node:crypto";
import { requireEnv } from "@/lib/env";

export const ERASED_PREFIX = "erased-";

/**
 * What an erased end user is called from then on: stable (every erasure of the same customer in a
 * workspace gives the same name, so their history stays grouped and a repeated erasure is
 * recognised) but, being keyed with the app secret, not reversible by anyone reading the data.
 */
export function endUserPseudonym(workspaceId: string, endUserId: string): string {
  const digest = createHmac("sha256", requireEnv("NEXTAUTH_SECRET")).update(`end-user:${workspaceId}:${endUserId}`).digest("hex");
  return ERASED_PREFIX + digest.slice(0, 24);
}
