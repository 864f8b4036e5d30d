import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { formatDateTime } from "@/lib/format/format-date-time";
import { hasRole } from "@/lib/workspaces/roles";
import { listMembers } from "@/lib/members/manage-members";
import { readAlertSettings } from "@/lib/alerts/manage-alerts";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { pool } from "@/lib/db";
import { AlertsSection } from "./alerts-section";
import { ApiKeysSection } from "./api-keys-section";
import { MembersSection } from "./members-section";
import { NewWorkspaceForm } from "./new-workspace-form";
import { WorkspaceSettingsForm } from "./workspace-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("metaTitle") };
}

export default async function SettingsPage() {
  const { workspace, role, user } = await requireWorkspaceContext();
  const canManage = hasRole(role, "admin");
  const [keys, members, alerts, billing, t, locale] = await Promise.all([
    listApiKeys(workspace.id),
    listMembers(workspace.id),
    readAlertSettings(workspace.id),
    readWorkspaceBilling(pool(), workspace.id, { lock: false }),
    getTranslations("settings"),
    getLocale(),
  ]);
  const when = (date: Date) => formatDateTime(date, workspace.timeZone, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      {!canManage ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200" data-testid="read-only-notice">
          {t("readOnly")}
        </p>
      ) : null}
      <Card title={t("workspace.title")} description={t("workspace.description")}>
        <WorkspaceSettingsForm
          disabled={!canManage}
          timeZones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")]}
          initial={{ name: workspace.name, timeoutMinutes: workspace.timeoutMinutes, timeZone: workspace.timeZone, messageRetentionDays: workspace.messageRetentionDays }}
        />
      </Card>
      <ApiKeysSection
        canManage={canManage}
        keys={keys.map((key) => ({
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          createdAt: when(key.createdAt),
          lastUsedAt: key.lastUsedAt ? when(key.lastUsedAt) : null,
          revokedAt: key.revokedAt ? when(key.revokedAt) : null,
        }))}
      />
      <AlertsSection
        canManage={canManage}
        channels={{ emails: alerts.alertEmails, webhookUrl: alerts.alertWebhookUrl, locale: alerts.alertLocale }}
        rules={alerts.rules.map((rule) => ({ ...rule, firedThisPeriod: rule.firedPeriod?.getTime() === billing.periodStart.getTime() }))}
      />
      <MembersSection
        currentUserId={user.id}
        canManage={canManage}
        data={{ members: members.members, invitations: members.invitations.map((i) => ({ ...i, expiresAt: when(i.expiresAt) })) }}
      />
      {role === "owner" ? (
        <Card title={t("audit.title")} description={t("audit.description")}>
          <Link href="/dashboard/settings/audit" className="text-sm font-medium text-brand-700 hover:underline">
            {t("audit.open")}
          </Link>
        </Card>
      ) : null}
      <Card title={t("newWorkspace.title")} description={t("newWorkspace.description")}>
        <NewWorkspaceForm />
      </Card>
    </div>
  );
}
