import { env } from "@/lib/env";
import { servedOverHttps } from "@/lib/http/security-headers";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Options for the app's own cookies (workspace, language), like next-auth's session cookie: never
 * readable by scripts, not sent on cross-site subrequests, and Secure whenever the app is on HTTPS.
 */
export function cookieOptions(requestUrl = "") {
  return { httpOnly: true, sameSite: "lax", secure: servedOverHttps(requestUrl, env().NEXTAUTH_URL), path: "/", maxAge: YEAR_SECONDS } as const;
}
