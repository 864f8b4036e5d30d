/** Prefix of the error next-auth hands back to the sign-in form when the attempt was throttled. */
export const RATE_LIMITED_PREFIX = "rate_limited:";
/** The error next-auth hands back when the database could not be reached: not the user's fault. */
export const UNAVAILABLE_ERROR = "unavailable";

/** A message of the "auth" catalogue (under login.errors) and its values. */
export interface SignInErrorMessage {
  key: "wrongCredentials" | "rateLimited" | "rateLimitedLater" | "unavailable";
  minutes?: number;
}

/**
 * What the sign-in form shows for next-auth's error string: one generic message for any wrong credential,
 * or the throttling wait, read from the server's "… Try again in N minutes." message.
 */
export function signInErrorMessage(error: string): SignInErrorMessage {
  if (error === UNAVAILABLE_ERROR) return { key: "unavailable" };
  if (!error.startsWith(RATE_LIMITED_PREFIX)) return { key: "wrongCredentials" };
  const minutes = /(\d+) minutes?/.exec(error)?.[1];
  return minutes ? { key: "rateLimited", minutes: Number(minutes) } : { key: "rateLimitedLater" };
}
