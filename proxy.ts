import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, requireEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { createNonce, pageSecurityHeaders, servedOverHttps } from "@/lib/http/security-headers";

// Every page gets a fresh CSP nonce (Next.js reads it from the request's CSP header and puts it on
// its own scripts). First line of the session guard too: no token, no dashboard. Each page and
// action still checks the session and the workspace membership itself (lib/auth/current-workspace.ts).
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  // Next.js decodes path segments into route params and answers a bare 500 when one is malformed
  // (say "%E0%A4%A"): refuse those here with the API's JSON error instead.
  if (!isDecodable(path)) return errorResponse(new AppError({ code: "bad_request", message: "The path contains malformed percent-encoding." }));
  if (path.startsWith("/api/")) return NextResponse.next();
  const { NODE_ENV, NEXTAUTH_URL } = env();
  const headers = pageSecurityHeaders({
    nonce: createNonce(),
    https: servedOverHttps(request.url, NEXTAUTH_URL),
    development: NODE_ENV === "development",
  });
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

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Pages, and the API routes with path parameters. API responses and static files get their fixed
// headers from next.config.mjs; the ingest path never runs through here.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }, "/api/v1/conversations/:path+", "/api/v1/end-users/:path*"],
};
