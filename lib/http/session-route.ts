import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { getWorkspaceContext, type WorkspaceContext } from "@/lib/auth/current-workspace";
import { assertRole, type Role } from "@/lib/workspaces/roles";

type Params = Record<string, string | string[]>;

/**
 * Wraps every dashboard route handler: requires a session and a workspace role, resolves the
 * current workspace, and maps any error to the JSON error contract.
 */
export function sessionRoute<P extends Params>(
  options: { role: Role },
  handler: (request: Request, context: WorkspaceContext, params: P) => Promise<Response>,
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const context = await getWorkspaceContext();
      if (!context) throw new AppError({ code: "unauthorized", message: "Sign in to continue." });
      assertRole(context.role, options.role);
      return await handler(request, context, await route.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
