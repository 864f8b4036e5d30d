/**
 * A redirect with a path-only Location. Browsers resolve it against the address they used, so it
 * works whatever host name or proxy sits in front of the app (request.url may name another host).
 */
export function redirectTo(path: string, status: 303 | 307 = 303): Response {
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } });
}
