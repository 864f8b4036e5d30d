import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { requireEnv } from "@/lib/env";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { PLANS, isPlanId } from "@/lib/credits/plans";
import { readOverview } from "@/lib/usage/read-overview";
import { readActiveAlert } from "@/lib/alerts/notifications";
import Link from "next/link";
import { hasRole } from "@/lib/workspaces/roles";
import { FirstRun } from "./overview/first-run";
import { UsageCharts } from "./overview/usage-charts";
import { UsageSummary } from "./overview/usage-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("home.metaTitle") };
}

export default async function OverviewPage() {
  const { workspace, role } = await requireWorkspaceContext();
  const [t, tCommon, tOverview] = await Promise.all([getTranslations("nav"), getTranslations("common"), getTranslations("overview")]);
  const [overview, activeAlert, tAlerts] = await Promise.all([readOverview(workspace.id), readActiveAlert(workspace.id), getTranslations("alerts")]);
  const planName = isPlanId(workspace.plan) ? tCommon(`plans.${workspace.plan}`) : workspace.plan;
  const plan = isPlanId(workspace.plan) ? t("home.plan", { plan: planName, count: PLANS[workspace.plan].includedConversations }) : workspace.plan;
  return (
    <div className="space-y-6">
      <AutoRefresh seconds={15} />
      <div>
        <h1 className="text-2xl font-bold tracking-tight" data-testid="workspace-name">
          {workspace.name}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {[plan, t("home.timeout", { minutes: workspace.timeoutMinutes }), workspace.timeZone, t(`home.youAre.${role}`)].join(" · ")}
        </p>
      </div>
      {activeAlert ? (
        <div role="alert" data-testid="alert-banner" className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <span className="font-medium">{tAlerts("banner", { title: activeAlert.title })}</span>
          <Link href="/dashboard/billing" className="font-semibold underline">
            {tAlerts("bannerLink")}
          </Link>
        </div>
      ) : null}
      {overview.hasTraffic ? null : <FirstRun eventsUrl={new URL("/api/v1/events", requireEnv("NEXTAUTH_URL")).toString()} canCreateKey={hasRole(role, "admin")} />}
      <UsageSummary overview={overview} planName={planName} />
      {overview.hasTraffic ? <UsageCharts overview={overview} /> : null}
      <p className="text-xs text-slate-500">{tOverview("refreshNote")}</p>
    </div>
  );
}
