import { getTranslations } from "next-intl/server";
import type { Patterns } from "@/lib/insights/read-patterns";

/** Weekday × hour grid, darker for busier slots; the count is in each cell's title and the table beside. */
export async function HeatmapGrid({ heatmap, label }: { heatmap: Patterns["heatmap"]; label: string }) {
  const t = await getTranslations("insights");
  const max = Math.max(1, ...heatmap.map((cell) => cell.conversations));
  const count = (weekday: number, hour: number) => heatmap.find((c) => c.weekday === weekday && c.hour === hour)?.conversations ?? 0;
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  return (
    <div role="img" aria-label={label} className="overflow-x-auto">
      <div className="grid min-w-[36rem] gap-0.5" style={{ gridTemplateColumns: "3rem repeat(24, minmax(0, 1fr))" }}>
        <span />
        {hours.map((hour) => (
          <span key={hour} className="text-center text-[10px] text-slate-500">
            {hour % 3 === 0 ? hour : ""}
          </span>
        ))}
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
          <div key={weekday} className="contents">
            <span className="pr-1 text-right text-xs text-slate-600">{t(`weekdays.${weekday}`)}</span>
            {hours.map((hour) => {
              const value = count(weekday, hour);
              return <span key={hour} title={`${t(`weekdays.${weekday}`)} ${hour}h: ${value}`} className="h-5 rounded-sm" style={{ backgroundColor: value ? `rgba(47, 111, 237, ${0.12 + 0.88 * (value / max)})` : "#f1f5f9" }} />;
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
