import type { WorkspaceMembership } from "@/lib/workspaces/find-membership";

/** What every insights read model needs to know about the workspace. */
export type InsightsWorkspace = Pick<WorkspaceMembership["workspace"], "id" | "plan" | "timeoutMinutes" | "timeZone">;
