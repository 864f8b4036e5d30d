export interface RuleState {
  id: string;
  kind: "percent_used" | "remaining_below";
  threshold: number;
  /** Start of the period the rule last fired in, or null when armed. */
  firedPeriod: number | null;
}

export interface CreditMetrics {
  periodStart: number;
  /** Plan allowance used this period, in percent (rounded down). */
  percentUsed: number;
  /** Plan allowance + packs left. */
  remaining: number;
}

export function isCrossed(rule: Pick<RuleState, "kind" | "threshold">, metrics: CreditMetrics): boolean {
  return rule.kind === "percent_used" ? metrics.percentUsed >= rule.threshold : metrics.remaining < rule.threshold;
}

/**
 * Which rules fire now (crossed and not yet fired this period) and which re-arm (fired, but the
 * balance is back above the threshold). A rule that fired in an earlier period is armed again.
 */
export function decideAlerts(rules: RuleState[], metrics: CreditMetrics): { fire: RuleState[]; rearm: RuleState[] } {
  const fire: RuleState[] = [];
  const rearm: RuleState[] = [];
  for (const rule of rules) {
    const firedThisPeriod = rule.firedPeriod === metrics.periodStart;
    const crossed = isCrossed(rule, metrics);
    if (crossed && !firedThisPeriod) fire.push(rule);
    else if (!crossed && rule.firedPeriod !== null) rearm.push(rule);
  }
  return { fire, rearm };
}
