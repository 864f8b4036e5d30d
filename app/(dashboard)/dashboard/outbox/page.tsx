import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Cell, Table } from "@/components/ui/table";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { readOutbox } from "@/lib/alerts/notifications";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: `${t("outboxTitle")} · Convometer` };
}

export default async function OutboxPage() {
  const { workspace } = await requireWorkspaceContext();
  const [t, format, messages] = await Promise.all([getTranslations("alerts"), getFormatter(), readOutbox(workspace.id)]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium", timeZone: workspace.timeZone });
  return (
    <div className="space-y-6">
      <PageHeader title={t("outboxTitle")} description={t("outboxDescription")} />
      <Card>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-600">{t("outboxEmpty")}</p>
        ) : (
          <Table headers={[t("channel"), t("recipient"), "", t("status"), t("attempts")]} caption={t("outboxTitle")}>
            {messages.map((message) => (
              <tr key={message.id} data-testid="outbox-row" className="align-top">
                <Cell>{message.channel === "email" ? "E-mail" : "Webhook"}</Cell>
                <Cell className="max-w-56 break-all text-xs">{message.recipient}</Cell>
                <Cell>
                  <details>
                    <summary className="cursor-pointer font-medium">{message.subject}</summary>
                    <p className="mt-1 whitespace-pre-wrap text-xs text-slate-600">{message.body}</p>
                  </details>
                  <p className="text-xs text-slate-500">{when(message.createdAt)}</p>
                </Cell>
                <Cell>
                  <span data-testid="outbox-status">{t(`statuses.${message.status}`)}</span>
                  {message.lastError ? <p className="text-xs text-red-700">{t("lastError")}: {message.lastError}</p> : null}
                </Cell>
                <Cell>
                  <ol className="space-y-0.5 text-xs">
                    {message.deliveries.map((delivery) => (
                      <li key={delivery.attempt}>
                        #{delivery.attempt} · {when(delivery.at)} · {delivery.statusCode ?? delivery.error ?? "ok"}
                      </li>
                    ))}
                  </ol>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
