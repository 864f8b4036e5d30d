import Link from "next/link";
import { Cell, Table } from "@/components/ui/table";

interface PackRow {
  id: string;
  packId: string;
  granted: number;
  used: number;
  remaining: number;
  createdAt: string;
}

export function PacksTable({ packs }: { packs: PackRow[] }) {
  if (!packs.length) return <p className="text-sm text-slate-600">No packs yet.</p>;
  return (
    <Table headers={["Pack", "Added", "Used", "Left"]} caption="Packs owned">
      {packs.map((pack) => (
        <tr key={pack.id} data-testid="pack-row">
          <Cell className="font-medium">{pack.packId === "grant" ? "Credit grant" : pack.packId}</Cell>
          <Cell className="whitespace-nowrap">{pack.createdAt}</Cell>
          <Cell className="tabular-nums">
            {pack.used} / {pack.granted}
          </Cell>
          <Cell className="font-semibold tabular-nums">{pack.remaining}</Cell>
        </tr>
      ))}
    </Table>
  );
}

interface PurchaseRow {
  id: string;
  packId: string;
  conversations: number;
  amount: string;
  status: string;
  reclaimed: number;
  date: string;
}

export function PurchasesTable({ purchases }: { purchases: PurchaseRow[] }) {
  if (!purchases.length) return <p className="text-sm text-slate-600">No purchases yet.</p>;
  return (
    <Table headers={["Date", "Pack", "Amount", "Status", ""]} caption="Purchases">
      {purchases.map((purchase) => (
        <tr key={purchase.id} data-testid="purchase-row">
          <Cell className="whitespace-nowrap">{purchase.date}</Cell>
          <Cell>
            {purchase.packId} · {purchase.conversations.toLocaleString("en")} conversations
          </Cell>
          <Cell className="tabular-nums">{purchase.amount}</Cell>
          <Cell>{purchase.status === "refunded" ? `Refunded (${purchase.reclaimed} taken back)` : purchase.status === "paid" ? "Paid" : purchase.status}</Cell>
          <Cell className="text-right">
            <Link href={`/dashboard/billing/receipts/${purchase.id}`} className="font-semibold text-brand-600 hover:underline">
              Receipt
            </Link>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
