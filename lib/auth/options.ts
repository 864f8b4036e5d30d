import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { requireEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/auth/client-ip";
import { signInSchema } from "@/lib/auth/schemas";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { RATE_LIMITED_PREFIX, UNAVAILABLE_ERROR } from "@/lib/auth/sign-in-errors";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: requireEnv("NEXTAUTH_SECRET"),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          try {
            return await verifyCredentials({ ...parsed.data, ip: clientIp(req.headers ?? {}) });
          } catch (error) {
            // next-auth passes a thrown message through to the client; a null means "wrong credentials".
            if (error instanceof AppError && error.code === "rate_limited") throw new Error(RATE_LIMITED_PREFIX + error.message);
            // Never the driver's message (it names the database host): a short code the form translates.
            if (isDatabaseUnavailable(error)) throw new Error(UNAVAILABLE_ERROR);
            console.error("Sign-in failed", error);
            throw new Error("internal");
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
