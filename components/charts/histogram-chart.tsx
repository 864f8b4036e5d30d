"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";

/** One bar per bucket, for distributions (messages per conversation, durations). */
export function HistogramChart({ data, label, valueLabel, color = "#2f6fed" }: { data: { bucket: string; conversations: number }[]; label: string; valueLabel: string; color?: string }) {
  return (
    <ChartFrame label={label} height="h-56">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="bucket" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Bar dataKey="conversations" name={valueLabel} fill={color} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
