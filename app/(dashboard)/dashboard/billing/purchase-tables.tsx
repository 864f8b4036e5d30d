import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("billing.packs");
  if (!packs.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <Table headers={[t("columns.pack"), t("columns.added"), t("columns.used"), t("columns.left")]} caption={t("caption")}>
      {packs.map((pack) => (
        <tr key={pack.id} data-testid="pack-row">
          <Cell className="font-medium">{pack.packId === "grant" ? t("grant") : pack.packId}</Cell>
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
  const t = useTranslations("billing.purchases");
  if (!purchases.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const statusText = (purchase: PurchaseRow) =>
    t.has(`statuses.${purchase.status}`) ? t(`statuses.${purchase.status}`, { count: purchase.reclaimed }) : purchase.status;
  return (
    <Table headers={[t("columns.date"), t("columns.pack"), t("columns.amount"), t("columns.status"), ""]} caption={t("caption")}>
      {purchases.map((purchase) => (
        <tr key={purchase.id} data-testid="purchase-row">
          <Cell className="whitespace-nowrap">{purchase.date}</Cell>
          <Cell>{t("item", { pack: purchase.packId, count: purchase.conversations })}</Cell>
          <Cell className="tabular-nums">{purchase.amount}</Cell>
          <Cell>{statusText(purchase)}</Cell>
          <Cell className="text-right">
            <Link href={`/dashboard/billing/receipts/${purchase.id}`} className="font-semibold text-brand-600 hover:underline">
              {t("receipt")}
            </Link>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
