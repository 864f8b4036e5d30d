/**
 * The caller's address as seen by the nearest proxy. Next.js fills X-Forwarded-For with the socket
 * address when no proxy set it; behind a reverse proxy, that proxy must overwrite the header.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return last ?? "unknown";
}
