"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";

export interface CostPoint {
  label: string;
  conversation: number;
  message: number;
}

/** Daily cost both ways, in currency units (not cents) so the axis reads as money. */
export function CostChart({ data, label, conversationLabel, messageLabel, currency }: { data: CostPoint[]; label: string; conversationLabel: string; messageLabel: string; currency: string }) {
  return (
    <ChartFrame label={label}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis tick={{ fontSize: 11 }} unit={` ${currency.toUpperCase()}`} width={72} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="conversation" name={conversationLabel} stroke="#2f6fed" dot={false} isAnimationActive={false} />
        <Line dataKey="message" name={messageLabel} stroke="#f59e0b" dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
