import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Cell, Table } from "@/components/ui/table";
import { formatDuration } from "@/lib/format/format-duration";

export interface HistoryRow {
  id: string;
  startedAt: string;
  endUserId: string;
  channel: "live" | "test" | "preview";
  status: "open" | "closed" | "cancelled";
  closeReason: "timeout" | "closed" | "topic_change" | null;
  messageCount: number;
  durationSeconds: number;
  billable: boolean;
  blocked: boolean;
}

const STATUS_TONE = { open: "bg-emerald-50 text-emerald-800", closed: "bg-slate-100 text-slate-700", cancelled: "bg-amber-50 text-amber-800" };

export async function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const t = await getTranslations("history");
  if (!rows.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <Table headers={[t("startedAt"), t("endUser"), t("channel"), t("status"), t("closeReason"), t("messages"), t("duration"), t("charged")]} caption={t("title")}>
      {rows.map((row) => (
        <tr key={row.id} data-testid="conversation-row" className="hover:bg-slate-50">
          <Cell className="whitespace-nowrap">
            <Link href={`/dashboard/conversations/${row.id}`} className="font-medium text-brand-700 hover:underline">
              {row.startedAt}
            </Link>
          </Cell>
          <Cell className="max-w-48 truncate font-mono text-xs">{row.endUserId}</Cell>
          <Cell>{t(`channels.${row.channel}`)}</Cell>
          <Cell>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE[row.status]}`}>{t(`statuses.${row.status}`)}</span>
          </Cell>
          <Cell>{row.closeReason ? t(`reasons.${row.closeReason}`) : ""}</Cell>
          <Cell className="tabular-nums">{row.messageCount}</Cell>
          <Cell className="whitespace-nowrap tabular-nums">{formatDuration(row.durationSeconds)}</Cell>
          <Cell>{row.blocked ? t("blocked") : row.billable ? t("yes") : t("no")}</Cell>
        </tr>
      ))}
    </Table>
  );
}
