"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** A chart sized to its container, announced to screen readers by `label` (the table beside it has the figures). */
export function ChartFrame({ label, height = "h-64", children }: { label: string; height?: "h-56" | "h-64"; children: ReactElement }) {
  return (
    <div role="img" aria-label={label} className={`${height} w-full`}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
