import { pool } from "@/lib/db";
import { comparePricing, type PricingComparison } from "./compare-pricing";
import { planUnitPrices } from "./plan-prices";
import { rangeDays, type InsightsRange } from "./range";
import type { InsightsWorkspace } from "./types";

/**
 * The range's live traffic priced in conversation credits (as charged) and in message credits, from
 * the daily rollups, so a month costs the same to read at any volume.
 */
export async function readPricingComparison(workspace: InsightsWorkspace, range: InsightsRange): Promise<PricingComparison> {
  const { rows } = await pool().query<{ day: string; conversations: number; charged: number; messages: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, conversations, charged, messages FROM usage_daily
      WHERE workspace_id = $1 AND channel = 'live' AND day >= $2::date AND day <= $3::date`,
    [workspace.id, range.from, range.to],
  );
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days = rangeDays(range).map((day) => ({ day, conversations: byDay.get(day)?.conversations ?? 0, charged: byDay.get(day)?.charged ?? 0, messages: byDay.get(day)?.messages ?? 0 }));
  return comparePricing(days, planUnitPrices(workspace.plan));
}
