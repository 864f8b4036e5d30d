import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { formatDateTime } from "@/lib/format/format-date-time";
import { hasRole } from "@/lib/workspaces/roles";
import { ApiKeysSection } from "./api-keys-section";
import { NewWorkspaceForm } from "./new-workspace-form";
import { WorkspaceSettingsForm } from "./workspace-settings-form";

export const metadata: Metadata = { title: "Settings · Convometer" };

export default async function SettingsPage() {
  const { workspace, role } = await requireWorkspaceContext();
  const canManage = hasRole(role, "admin");
  const keys = await listApiKeys(workspace.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      {!canManage ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200" data-testid="read-only-notice">
          You are a viewer of this workspace: you can see its settings but not change them.
        </p>
      ) : null}
      <Card title="Workspace" description="How conversations are grouped and how dates are shown.">
        <WorkspaceSettingsForm
          disabled={!canManage}
          timeZones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")]}
          initial={{ name: workspace.name, timeoutMinutes: workspace.timeoutMinutes, timeZone: workspace.timeZone }}
        />
      </Card>
      <ApiKeysSection
        canManage={canManage}
        keys={keys.map((key) => ({
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          createdAt: formatDateTime(key.createdAt, workspace.timeZone),
          lastUsedAt: key.lastUsedAt ? formatDateTime(key.lastUsedAt, workspace.timeZone) : null,
          revokedAt: key.revokedAt ? formatDateTime(key.revokedAt, workspace.timeZone) : null,
        }))}
      />
      <Card title="New workspace" description="A separate workspace with its own plan, keys and history. You will own it.">
        <NewWorkspaceForm />
      </Card>
    </div>
  );
}
