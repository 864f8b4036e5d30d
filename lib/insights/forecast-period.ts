import { forecastRunOut } from "@/lib/usage/forecast-run-out";

const DAY_MS = 86_400_000;
/** Two-sided 90 % interval of a normal distribution. */
const Z90 = 1.645;

export interface PeriodForecastInput {
  /** Conversations charged on each of the last complete days, oldest first. */
  recentDays: readonly number[];
  usedThisPeriod: number;
  /** Credits left (plan + packs) minus outstanding overage. */
  remaining: number;
  periodEnd: Date;
  now: Date;
}

export interface Band {
  low: number;
  expected: number;
  high: number;
}

export interface PeriodForecast {
  ratePerDay: Band;
  daysLeft: number;
  /** Conversations charged in the whole period. */
  projectedUsage: Band;
  /** When the credits run out: at the high rate (earliest), the expected one, and the low one (latest); null = not at that rate. */
  runsOut: { earliest: Date | null; expected: Date | null; latest: Date | null };
}

/**
 * Period-end usage from the recent daily rate. The band adds the day-to-day spread over the days left
 * to the uncertainty of the rate itself (few days of history give a wide band), at 90 %.
 */
export function forecastPeriod(input: PeriodForecastInput): PeriodForecast {
  const n = input.recentDays.length;
  const mean = n ? input.recentDays.reduce((sum, v) => sum + v, 0) / n : 0;
  const variance = n > 1 ? input.recentDays.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) : 0;
  const daysLeft = Math.max(0, (input.periodEnd.getTime() - input.now.getTime()) / DAY_MS);
  const rateSpread = n ? Z90 * Math.sqrt(variance / n) : 0;
  const totalSpread = Z90 * Math.sqrt(daysLeft * variance + daysLeft ** 2 * (n ? variance / n : 0));
  const expectedMore = mean * daysLeft;
  const ratePerDay = { low: Math.max(0, mean - rateSpread), expected: mean, high: mean + rateSpread };
  return {
    ratePerDay,
    daysLeft,
    projectedUsage: {
      low: input.usedThisPeriod + Math.max(0, expectedMore - totalSpread),
      expected: input.usedThisPeriod + expectedMore,
      high: input.usedThisPeriod + expectedMore + totalSpread,
    },
    runsOut: {
      earliest: forecastRunOut(input.remaining, ratePerDay.high, input.now),
      expected: forecastRunOut(input.remaining, ratePerDay.expected, input.now),
      latest: forecastRunOut(input.remaining, ratePerDay.low, input.now),
    },
  };
}
