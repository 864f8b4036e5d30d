import { describeError } from "@/lib/http/describe-error";

/** `{ "error": { "code", "message", "issues"? } }` with the status and Retry-After the error calls for. */
export function errorResponse(error: unknown): Response {
  const described = describeError(error);
  const headers = new Headers({ "Content-Type": "application/json", "Cache-Control": "no-store" });
  if (described.retryAfterSeconds) headers.set("Retry-After", String(described.retryAfterSeconds));
  const body = { error: { code: described.code, message: described.message, ...(described.issues ? { issues: described.issues } : {}) } };
  return new Response(JSON.stringify(body), { status: described.status, headers });
}
