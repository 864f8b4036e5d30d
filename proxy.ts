import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { requireEnv } from "@/lib/env";

// First line of the session guard: no token, no dashboard. Each page and action still checks the
// session and the workspace membership itself (lib/auth/current-workspace.ts).
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: requireEnv("NEXTAUTH_SECRET") });
  if (token) return NextResponse.next();
  const login = request.nextUrl.clone();
  login.pathname = "/login";
  login.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
