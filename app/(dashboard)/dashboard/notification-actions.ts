"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { markNotificationsRead } from "@/lib/alerts/notifications";

export const markAllNotificationsRead = workspaceAction({ schema: z.object({}), role: "viewer" }, async (_input, context) => {
  await markNotificationsRead(context.workspace.id);
  revalidatePath("/dashboard", "layout");
  return { done: true };
});
