import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { PLANS, isPlanId } from "@/lib/credits/plans";

export const metadata: Metadata = { title: "Overview · Convometer" };

export default async function OverviewPage() {
  const { workspace, role } = await requireWorkspaceContext();
  const plan = isPlanId(workspace.plan) ? PLANS[workspace.plan] : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight" data-testid="workspace-name">
          {workspace.name}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {plan ? `${plan.name} plan · ${plan.includedConversations.toLocaleString("en")} conversations a month` : workspace.plan} ·
          timeout {workspace.timeoutMinutes} min · {workspace.timeZone} · you are {role === "admin" ? "an" : "a"} {role}
        </p>
      </div>
      <Card title="Start metering" description="Create an API key, then send your chatbot's messages to the events API.">
        <Link href="/dashboard/settings#api-keys" className="text-sm font-semibold text-brand-600 hover:underline">
          Manage API keys →
        </Link>
      </Card>
    </div>
  );
}
