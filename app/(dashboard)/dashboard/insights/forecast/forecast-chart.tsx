"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";

export interface ForecastChartPoint {
  label: string;
  used: number | null;
  expected: number | null;
  /** [low, high] of the 90 % band, or null on past days. */
  band: [number, number] | null;
}

/** Cumulative conversations charged this period, then the projection and its band to period end. */
export function ForecastChart({ data, label, labels, available }: { data: ForecastChartPoint[]; label: string; labels: { used: string; expected: string; band: string }; available: number }) {
  return (
    <ChartFrame label={label}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Area dataKey="band" name={labels.band} fill="#c7d7fb" stroke="none" isAnimationActive={false} connectNulls={false} />
        <Line dataKey="used" name={labels.used} stroke="#2f6fed" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="expected" name={labels.expected} stroke="#2f6fed" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
        <ReferenceLine y={available} stroke="#dc2626" strokeDasharray="3 3" />
      </ComposedChart>
    </ChartFrame>
  );
}
