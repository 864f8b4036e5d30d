import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { historySearch, parseHistoryFilters } from "@/lib/conversations/history-filters";
import { listConversations } from "@/lib/conversations/list-conversations";
import { hasTraffic } from "@/lib/usage/has-traffic";
import { HistoryFiltersForm } from "./history-filters-form";
import { HistoryTable } from "./history-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: `${t("title")} · Convometer` };
}

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await requireWorkspaceContext();
  const t = await getTranslations("history");
  const format = await getFormatter();
  const { values, filters } = parseHistoryFilters(await searchParams, workspace.timeZone);
  const [page, traffic] = await Promise.all([listConversations(workspace.id, { ...filters, limit: 50 }), hasTraffic(workspace.id)]);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {traffic ? null : (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 ring-1 ring-brand-100" data-testid="history-first-run">
          {t("firstRun")}{" "}
          <Link href="/dashboard" className="font-semibold underline">
            {t("firstRunLink")}
          </Link>
        </p>
      )}
      <HistoryFiltersForm values={values} exportHref={`/dashboard/conversations/export${historySearch(values)}`} />
      <Card>
        <HistoryTable
          rows={page.data.map((c) => ({
            id: c.id,
            startedAt: format.dateTime(new Date(c.startedAt), { dateStyle: "medium", timeStyle: "short", timeZone: workspace.timeZone }),
            endUserId: c.endUserId,
            channel: c.channel,
            status: c.status,
            closeReason: c.closeReason,
            messageCount: c.messageCount,
            durationSeconds: Math.round((Date.parse(c.lastActivityAt) - Date.parse(c.startedAt)) / 1000),
            billable: c.billable,
            blocked: c.blocked,
          }))}
        />
        <nav className="mt-4 flex gap-4 text-sm" aria-label="Pages">
          {values.cursor ? (
            <Link href={`/dashboard/conversations${historySearch(values)}`} className="font-semibold text-brand-600 hover:underline">
              {t("firstPage")}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={`/dashboard/conversations${historySearch(values, { cursor: page.nextCursor })}`} className="font-semibold text-brand-600 hover:underline" data-testid="next-page">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
