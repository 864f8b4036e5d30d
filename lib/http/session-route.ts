import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { getWorkspaceContext, type WorkspaceContext } from "@/lib/auth/current-workspace";
import { assertRole, type Role } from "@/lib/workspaces/roles";

type Params = Record<string, string | string[]>;

/**
 * Wraps every dashboard route handler: requires a session and a workspace role, resolves the
 * current workspace, and maps any error to the JSON error contract. A handler that changes state
 * (any method but GET/HEAD, or a GET marked `changesState`) also refuses cross-site requests.
 */
export function sessionRoute<P extends Params>(
  options: { role: Role; changesState?: boolean },
  handler: (request: Request, context: WorkspaceContext, params: P) => Promise<Response>,
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      if (options.changesState || !["GET", "HEAD"].includes(request.method)) assertSameSite(request);
      const context = await getWorkspaceContext();
      if (!context) throw new AppError({ code: "unauthorized", message: "Sign in to continue." });
      assertRole(context.role, options.role);
      return await handler(request, context, await route.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * CSRF guard for cookie-authenticated handlers. Browsers send Sec-Fetch-Site on every request
 * (and Origin on every POST): another site's page, form or link is refused. A request typed in
 * the address bar or from a bookmark says "none" and passes; so do clients that send neither
 * header, which cannot carry a victim's cookies.
 */
export function assertSameSite(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite = (site !== null && site !== "same-origin" && site !== "none") || (origin !== null && origin !== new URL(request.url).origin && origin !== publicOrigin(request));
  if (crossSite) throw new AppError({ code: "forbidden", message: "Cross-site requests are refused. Use the dashboard itself." });
}

// Behind a proxy request.url may name the internal host; the browser's Origin names the public one.
function publicOrigin(request: Request): string | null {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return null;
  const protocol = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${protocol}://${host}`;
}
