"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createWorkspaceSchema, workspaceSettingsSchema } from "@/lib/workspaces/schemas";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";

export const saveWorkspaceSettings = workspaceAction({ schema: workspaceSettingsSchema, role: "admin" }, async (settings, context) => {
  const saved = await updateWorkspaceSettings({ workspaceId: context.workspace.id, actorUserId: context.user.id, settings });
  revalidatePath("/dashboard", "layout");
  return saved;
});

export const createWorkspaceApiKey = workspaceAction({ schema: createApiKeySchema, role: "admin" }, async ({ name }, context) => {
  const created = await db().$transaction((tx) => createApiKey(tx, { workspaceId: context.workspace.id, name, actorUserId: context.user.id }));
  revalidatePath("/dashboard/settings");
  return { id: created.id, key: created.key, prefix: created.prefix, name: created.name };
});

export const revokeWorkspaceApiKey = workspaceAction({ schema: revokeApiKeySchema, role: "admin" }, async ({ keyId }, context) => {
  await revokeApiKey({ workspaceId: context.workspace.id, keyId, actorUserId: context.user.id });
  revalidatePath("/dashboard/settings");
  return { keyId };
});

// Any member may start a workspace of their own; they own the new one.
export const createAnotherWorkspace = workspaceAction({ schema: createWorkspaceSchema, role: "viewer" }, async ({ name }, context) => {
  const created = await createWorkspace({ name }, { kind: "existing", userId: context.user.id });
  return { workspaceId: created.workspaceId };
});
