import { Cell, Table } from "@/components/ui/table";

const KIND_LABELS: Record<string, string> = {
  plan_allowance: "Plan allowance",
  plan_expiry: "Allowance expired",
  pack_purchase: "Pack bought",
  adjustment: "Adjustment",
  refund_reversal: "Refund",
  debit: "Conversation",
};

interface LedgerRow {
  id: string;
  kind: string;
  amount: number;
  source: string | null;
  description: string;
  createdAt: string;
}

export function LedgerTable({ entries }: { entries: LedgerRow[] }) {
  if (!entries.length) return <p className="text-sm text-slate-600">No entries yet: the first conversation charged starts the ledger.</p>;
  return (
    <Table headers={["Date", "Entry", "Paid from", "Amount"]} caption="Ledger">
      {entries.map((entry) => (
        <tr key={entry.id} data-testid="ledger-row">
          <Cell className="whitespace-nowrap">{entry.createdAt}</Cell>
          <Cell>
            <span className="font-medium">{KIND_LABELS[entry.kind] ?? entry.kind}</span>
            {entry.description && entry.kind !== "debit" ? <span className="text-slate-500"> · {entry.description}</span> : null}
          </Cell>
          <Cell>{entry.source ?? ""}</Cell>
          <Cell className={`text-right font-semibold tabular-nums ${entry.amount < 0 ? "text-slate-700" : "text-emerald-700"}`}>
            {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
