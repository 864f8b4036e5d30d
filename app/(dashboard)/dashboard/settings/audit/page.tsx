import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Cell, Table } from "@/components/ui/table";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

/** Owners only: for anyone else the page does not exist, like another workspace's objects. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { workspace, role } = await requireWorkspaceContext();
  if (role !== "owner") notFound();
  const { before } = await searchParams;
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined;
  const [t, format, { entries, nextBefore }] = await Promise.all([getTranslations("audit"), getFormatter(), listAuditEntries(workspace.id, cursor)]);
  const known = new Set(Object.keys(t.raw("actions") as Record<string, string>));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table headers={[t("columns.when"), t("columns.who"), t("columns.action"), t("columns.details")]} caption={t("title")}>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" className="align-top">
                <Cell className="whitespace-nowrap text-xs">
                  {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: workspace.timeZone })}
                </Cell>
                <Cell className="break-all text-xs">{entry.actorEmail ?? t("system")}</Cell>
                <Cell>
                  <span data-testid="audit-action">{known.has(actionKey(entry.action)) ? t(`actions.${actionKey(entry.action)}`) : entry.action}</span>
                </Cell>
                <Cell className="max-w-md">
                  <code className="block whitespace-pre-wrap break-all text-xs text-slate-600">{JSON.stringify(entry.details)}</code>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        <div className="mt-4 flex gap-3 text-sm">
          {cursor ? (
            <Link href="/dashboard/settings/audit" className="font-medium text-brand-700 hover:underline">
              {t("newest")}
            </Link>
          ) : null}
          {nextBefore ? (
            <Link href={`/dashboard/settings/audit?before=${nextBefore}`} className="font-medium text-brand-700 hover:underline" data-testid="audit-older">
              {t("older")}
            </Link>
          ) : null}
        </div>
      </Card>
    </div>
  );
}

// Catalogue keys cannot contain dots (next-intl nests on them): "api_key.created" → "api_key_created".
function actionKey(action: string): string {
  return action.replaceAll(".", "_");
}
