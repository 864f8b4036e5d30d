import { notFound } from "@/lib/errors";
import {
  cancelledFigure,
  forecastFigure,
  heatmapFigure,
  isFigureId,
  messagesFigure,
  plansFigure,
  pricingFigure,
  sessionLengthsFigure,
  timeoutsFigure,
  topEndUsersFigure,
  type Figure,
} from "./figures";
import { parseInsightsRange } from "./range";
import { parseCustomTimeout } from "./schemas";
import { readForecast } from "./read-forecast";
import { readPatterns } from "./read-patterns";
import { readPricingComparison } from "./read-pricing-comparison";
import { runTimeoutWhatIf } from "./run-timeout-what-if";
import type { InsightsWorkspace } from "./types";

/** One figure of the insights pages by id, for the range (and typed timeout) in `searchParams`. */
export async function readFigure(id: string, workspace: InsightsWorkspace, searchParams: Record<string, string | string[] | undefined>): Promise<Figure> {
  if (!isFigureId(id)) throw notFound("Figure");
  const range = parseInsightsRange(searchParams, workspace.timeZone);
  switch (id) {
    case "pricing":
      return pricingFigure(await readPricingComparison(workspace, range));
    case "timeouts":
      return timeoutsFigure(await runTimeoutWhatIf(workspace, range, parseCustomTimeout(searchParams.custom)));
    case "forecast":
      return forecastFigure(await readForecast(workspace.id));
    case "plans":
      return plansFigure(await readForecast(workspace.id));
    case "heatmap":
      return heatmapFigure(await readPatterns(workspace, range));
    case "session-lengths":
      return sessionLengthsFigure(await readPatterns(workspace, range));
    case "messages":
      return messagesFigure(await readPatterns(workspace, range));
    case "cancelled":
      return cancelledFigure(await readPatterns(workspace, range));
    case "top-end-users":
      return topEndUsersFigure(await readPatterns(workspace, range));
  }
}
