import { pool } from "@/lib/db";
import { packPrice, planPrice } from "@/lib/billing/catalogue";
import { readBalance, type Balance } from "@/lib/credits/read-balance";
import { PACK_IDS, PACKS } from "@/lib/credits/packs";
import { PLAN_IDS, PLANS } from "@/lib/credits/plans";
import { localDay } from "@/lib/metering/ingest/update-usage-daily";
import { advisePurchase, type PurchaseAdvice } from "./advise-purchase";
import { forecastPeriod, type PeriodForecast } from "./forecast-period";
import { rangeDays } from "./range";

/** Complete days the daily rate is taken from. */
export const RATE_DAYS = 14;
const DAY_MS = 86_400_000;

export interface ForecastPoint {
  day: string;
  /** Conversations charged in the period up to the end of this day (past days only). */
  used: number | null;
  /** The projection and its band (today and later). */
  expected: number | null;
  low: number | null;
  high: number | null;
}

export interface ForecastReport {
  balance: Balance;
  /** Credits left net of outstanding overage. */
  remaining: number;
  rateDays: number;
  forecast: PeriodForecast;
  advice: PurchaseAdvice;
  series: ForecastPoint[];
}

/** Where the period is heading at the recent rate, when the credits run out, and what to buy. */
export async function readForecast(workspaceId: string, now = new Date()): Promise<ForecastReport> {
  const balance = await readBalance(pool(), workspaceId);
  const { timeZone } = balance;
  const today = localDay(now.getTime(), timeZone);
  const periodFirst = localDay(balance.periodStart.getTime(), timeZone);
  const rateFirst = localDay(now.getTime() - RATE_DAYS * DAY_MS, timeZone);
  const { rows } = await pool().query<{ day: string; charged: number; created: string }>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(sum(u.charged), 0)::int AS charged,
            to_char((w.created_at AT TIME ZONE w.time_zone)::date, 'YYYY-MM-DD') AS created
       FROM workspaces w
       CROSS JOIN generate_series(least($2::date, $3::date), $4::date, interval '1 day') AS d(day)
       LEFT JOIN usage_daily u ON u.workspace_id = w.id AND u.day = d.day AND u.channel = 'live'
      WHERE w.id = $1 GROUP BY d.day, w.created_at, w.time_zone ORDER BY d.day`,
    [workspaceId, rateFirst, periodFirst, today],
  );
  const charged = new Map(rows.map((row) => [row.day, row.charged]));
  // Complete days only, from when the workspace existed or first had traffic (backfilled events can
  // predate it): empty days before that would drag the rate down.
  const firstUse = rows.find((row) => row.charged > 0)?.day ?? today;
  const created = rows[0]?.created ?? today;
  const since = firstUse < created ? firstUse : created;
  const rateDaysUsed = rows.filter((row) => row.day >= rateFirst && row.day < today && row.day >= since).map((row) => row.charged);
  const recentDays = rateDaysUsed.length ? rateDaysUsed : [charged.get(today) ?? 0];
  const remaining = balance.remaining.total - balance.overage;
  const forecast = forecastPeriod({ recentDays, usedThisPeriod: balance.usedThisPeriod, remaining, periodEnd: balance.periodEnd, now });
  const advice = advisePurchase({
    forecast,
    usedThisPeriod: balance.usedThisPeriod,
    remaining,
    plans: PLAN_IDS.map((id) => ({ id, included: PLANS[id].includedConversations, priceCents: planPrice(id).amountCents })),
    packs: PACK_IDS.map((id) => ({ id, conversations: PACKS[id].conversations, priceCents: packPrice(id).amountCents })),
  });
  return { balance, remaining, rateDays: recentDays.length, forecast, advice, series: projectionSeries(balance, forecast, charged, today, now) };
}

function projectionSeries(balance: Balance, forecast: PeriodForecast, charged: Map<string, number>, today: string, now: Date): ForecastPoint[] {
  const last = localDay(balance.periodEnd.getTime() - 1, balance.timeZone);
  const days = rangeDays({ from: localDay(balance.periodStart.getTime(), balance.timeZone), to: last });
  let used = 0;
  return days.map((day) => {
    if (day < today) {
      used += charged.get(day) ?? 0;
      return { day, used, expected: null, low: null, high: null };
    }
    // The band grows linearly from today's usage to the period-end projection.
    const dayEnd = Math.min(balance.periodEnd.getTime(), Date.parse(`${day}T00:00:00Z`) + DAY_MS);
    const share = forecast.daysLeft > 0 ? Math.min(1, Math.max(0, (dayEnd - now.getTime()) / DAY_MS / forecast.daysLeft)) : 1;
    const at = (end: number) => Math.round(balance.usedThisPeriod + (end - balance.usedThisPeriod) * share);
    return { day, used: day === today ? balance.usedThisPeriod : null, expected: at(forecast.projectedUsage.expected), low: at(forecast.projectedUsage.low), high: at(forecast.projectedUsage.high) };
  });
}
