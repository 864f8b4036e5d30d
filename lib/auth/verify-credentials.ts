import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { forgiveRateLimitHit, hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { verifyPassword } from "@/lib/auth/password";

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
};

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Checks an email and password. Every attempt counts against the email and the IP; a correct
 * password takes its hit back, so only failures lock an account out.
 * Returns null for a wrong email or password, without saying which.
 */
export async function verifyCredentials(input: { email: string; password: string; ip: string }): Promise<AuthenticatedUser | null> {
  const emailKey = `sign-in:email:${input.email}`;
  const ipKey = `sign-in:ip:${input.ip}`;
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(emailKey, SIGN_IN_LIMITS.perEmail),
    hitRateLimit(ipKey, SIGN_IN_LIMITS.perIp),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    const minutes = Math.ceil(Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds) / 60);
    throw new AppError({
      code: "rate_limited",
      message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    });
  }

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !valid) return null;

  await Promise.all([forgiveRateLimitHit(emailKey), forgiveRateLimitHit(ipKey)]);
  return { id: user.id, email: user.email, name: user.name };
}
