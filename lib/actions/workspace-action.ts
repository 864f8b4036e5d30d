import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { getWorkspaceContext, type WorkspaceContext } from "@/lib/auth/current-workspace";
import { assertRole, type Role } from "@/lib/workspaces/roles";
import { runAction, type ActionResult } from "@/lib/actions/action-result";

/**
 * The one way a dashboard server action runs: a signed-in member of the current workspace with at
 * least `role`, input checked by `schema`, errors turned into a result the form can show.
 * Next.js rejects server action calls whose Origin is not this site, which is the CSRF protection.
 */
export function workspaceAction<Schema extends z.ZodType, T>(
  options: { schema: Schema; role: Role },
  run: (input: z.output<Schema>, context: WorkspaceContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return (input) =>
    runAction(async () => {
      const context = await getWorkspaceContext();
      if (!context) throw new AppError({ code: "unauthorized", message: "Your session has ended. Sign in again." });
      assertRole(context.role, options.role);
      return run(options.schema.parse(input), context);
    });
}
