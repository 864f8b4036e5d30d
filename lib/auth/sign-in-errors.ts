/** Prefix of the error next-auth hands back to the sign-in form when the attempt was throttled. */
export const RATE_LIMITED_PREFIX = "rate_limited:";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** What the sign-in form shows for next-auth's error string: one generic message for any wrong credential. */
export function signInErrorMessage(error: string): string {
  if (error.startsWith(RATE_LIMITED_PREFIX)) return error.slice(RATE_LIMITED_PREFIX.length);
  return WRONG_CREDENTIALS;
}
