import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Cell, Table } from "@/components/ui/table";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/format/format-money";
import type { Figure, FigureValue } from "@/lib/insights/figures";

/** The readable table beside a chart: the figure's own rows, so it matches the CSV download. */
export async function FigureTable({ figure, caption, columnLabels = {} }: { figure: Figure; caption: string; columnLabels?: Record<string, string> }) {
  const [t, format, locale] = await Promise.all([getTranslations("insights"), getFormatter(), getLocale()]);
  const currency = env().BILLING_CURRENCY;
  const show = (column: string, value: FigureValue) => {
    if (value === null) return "–";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (column === "day" && value === "total") return t("total");
    if (column === "weekday") return t(`weekdays.${value}`);
    if (typeof value === "number") return column.endsWith("_cents") ? formatMoney(value, currency, locale) : format.number(value);
    return value;
  };
  return (
    <Table caption={caption} headers={figure.columns.map((column) => columnLabels[column] ?? (t.has(`columns.${column}`) ? t(`columns.${column}`) : column))}>
      {figure.rows.map((row, index) => (
        <tr key={index} data-testid={`${figure.id}-row`}>
          {row.map((value, column) => (
            <Cell key={column} className={typeof value === "number" ? "tabular-nums" : ""}>
              {show(figure.columns[column] ?? "", value)}
            </Cell>
          ))}
        </tr>
      ))}
    </Table>
  );
}
