import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Figure } from "@/lib/insights/figures";
import { FigureTable } from "./figure-table";

/** A figure as a chart with its table beside it and a CSV download of the same rows. */
export async function FigureCard({
  figure,
  title,
  description,
  search,
  chart,
  columnLabels,
  wideTable = false,
}: {
  figure: Figure;
  title: string;
  description?: ReactNode;
  /** The page's URL parameters (range, typed timeout), so the CSV holds what the page shows. */
  search: string;
  chart?: ReactNode;
  columnLabels?: Record<string, string>;
  wideTable?: boolean;
}) {
  const t = await getTranslations("insights");
  const download = (
    <a
      href={`/dashboard/insights/export/${figure.id}${search}`}
      download
      aria-label={t("downloadCsvLabel", { figure: title })}
      data-testid={`csv-${figure.id}`}
      className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
    >
      {t("downloadCsv")}
    </a>
  );
  const table = <FigureTable figure={figure} caption={t("tableCaption", { figure: title })} columnLabels={columnLabels} />;
  return (
    <Card title={title} description={description} actions={download}>
      {chart && !wideTable ? (
        <div className="grid gap-6 xl:grid-cols-2">
          <div>{chart}</div>
          <div className="max-h-96 overflow-y-auto">{table}</div>
        </div>
      ) : (
        <div className="space-y-4">
          {chart}
          {table}
        </div>
      )}
    </Card>
  );
}
