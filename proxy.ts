import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, requireEnv } from "@/lib/env";
import { createNonce, pageSecurityHeaders, servedOverHttps } from "@/lib/http/security-headers";

// Every page gets a fresh CSP nonce (Next.js reads it from the request's CSP header and puts it on
// its own scripts). First line of the session guard too: no token, no dashboard. Each page and
// action still checks the session and the workspace membership itself (lib/auth/current-workspace.ts).
export async function proxy(request: NextRequest) {
  const { NODE_ENV, NEXTAUTH_URL } = env();
  const headers = pageSecurityHeaders({
    nonce: createNonce(),
    https: servedOverHttps(request.url, NEXTAUTH_URL),
    development: NODE_ENV === "development",
  });
  const path = request.nextUrl.pathname;
  if ((path === "/dashboard" || path.startsWith("/dashboard/")) && !(await getToken({ req: request, secret: requireEnv("NEXTAUTH_SECRET") }))) {
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    login.search = `?callbackUrl=${encodeURIComponent(path + request.nextUrl.search)}`;
    return withHeaders(NextResponse.redirect(login), headers);
  }
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) requestHeaders.set(name, value);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Pages only: API responses and static files get their fixed headers from next.config.mjs.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
