import { randomBytes } from "node:crypto";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { addMember } from "@/lib/workspaces/add-member";
import type { Role } from "@/lib/workspaces/roles";

export const PASSWORD = "correct horse battery";

export function uniqueEmail(label = "owner"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.test`;
}

/** A workspace with an owner account and one API key, created through the same code as sign-up. */
export async function createTestWorkspace(options: { name?: string; email?: string; timeoutMinutes?: number } = {}) {
  const email = options.email ?? uniqueEmail();
  const created = await createWorkspace(
    { name: options.name ?? `Workspace ${randomBytes(3).toString("hex")}`, timeoutMinutes: options.timeoutMinutes, apiKeyName: "Test key" },
    { kind: "new", email, password: PASSWORD },
  );
  return { ...created, email, apiKey: created.apiKey?.key ?? "" };
}

export async function addTestMember(workspaceId: string, role: Role) {
  const email = uniqueEmail(role);
  const { userId } = await addMember({ workspaceId, email, password: PASSWORD, role, actorUserId: null });
  return { email, userId };
}
