import { useTranslations } from "next-intl";
import { Cell, Table } from "@/components/ui/table";

interface LedgerRow {
  id: string;
  kind: string;
  amount: number;
  source: string | null;
  description: string;
  createdAt: string;
}

export function LedgerTable({ entries }: { entries: LedgerRow[] }) {
  const t = useTranslations("billing.ledger");
  // Kinds and sources are codes; an unknown one is shown as stored.
  const label = (group: "kinds" | "sources", code: string) => (t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code);
  if (!entries.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <Table headers={[t("columns.date"), t("columns.entry"), t("columns.paidFrom"), t("columns.amount")]} caption={t("caption")}>
      {entries.map((entry) => (
        <tr key={entry.id} data-testid="ledger-row">
          <Cell className="whitespace-nowrap">{entry.createdAt}</Cell>
          <Cell>
            <span className="font-medium">{label("kinds", entry.kind)}</span>
            {entry.description && entry.kind !== "debit" ? <span className="text-slate-500"> · {entry.description}</span> : null}
          </Cell>
          <Cell>{entry.source ? label("sources", entry.source) : ""}</Cell>
          <Cell className={`text-right font-semibold tabular-nums ${entry.amount < 0 ? "text-slate-700" : "text-emerald-700"}`}>
            {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
