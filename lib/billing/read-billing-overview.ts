import { db, pool } from "@/lib/db";
import { readBalance, type Balance } from "@/lib/credits/read-balance";
import { openCurrentPeriod } from "@/lib/credits/open-current-period";

export interface BillingOverview {
  balance: Balance;
  overagePolicy: "continue" | "pause";
  subscriptionStatus: string | null;
  packs: { id: string; packId: string; granted: number; used: number; remaining: number; createdAt: Date; purchaseId: string | null }[];
  purchases: { id: string; packId: string; conversations: number; amountCents: number; currency: string; status: string; reclaimed: number; createdAt: Date; paidAt: Date | null }[];
}

export async function readBillingOverview(workspaceId: string): Promise<BillingOverview> {
  await openCurrentPeriod(workspaceId);
  const [balance, workspace, packs, purchases] = await Promise.all([
    readBalance(pool(), workspaceId),
    db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { overagePolicy: true, subscriptionStatus: true } }),
    db().creditPack.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, packId: true, granted: true, used: true, createdAt: true, purchaseId: true },
    }),
    db().packPurchase.findMany({
      where: { workspaceId, status: { not: "pending" } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, packId: true, conversations: true, amountCents: true, currency: true, status: true, reclaimed: true, createdAt: true, paidAt: true },
    }),
  ]);
  return {
    balance,
    overagePolicy: workspace.overagePolicy,
    subscriptionStatus: workspace.subscriptionStatus,
    packs: packs.map((pack) => ({ ...pack, remaining: pack.granted - pack.used })),
    purchases,
  };
}

export interface LedgerPage {
  entries: { id: string; kind: string; amount: number; source: string | null; description: string; createdAt: Date; conversationId: string | null }[];
  nextBefore: string | null;
}

/** The ledger newest first, 50 entries a page, by keyset on id. */
export async function readLedgerPage(workspaceId: string, before?: string): Promise<LedgerPage> {
  const beforeId = before && /^\d+$/.test(before) ? BigInt(before) : undefined;
  const rows = await db().ledgerEntry.findMany({
    where: { workspaceId, ...(beforeId ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: "desc" },
    take: 51,
    select: { id: true, kind: true, amount: true, source: true, description: true, createdAt: true, conversationId: true },
  });
  const page = rows.slice(0, 50);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextBefore: rows.length > 50 ? (page[page.length - 1]?.id.toString() ?? null) : null,
  };
}

/** One paid purchase of the workspace, for its receipt. */
export function findPurchase(workspaceId: string, purchaseId: string) {
  return db().packPurchase.findFirst({
    where: { id: purchaseId, workspaceId, status: { not: "pending" } },
    select: { id: true, packId: true, conversations: true, amountCents: true, currency: true, status: true, reclaimed: true, paidAt: true, createdAt: true, checkoutSessionId: true, paymentIntentId: true },
  });
}
