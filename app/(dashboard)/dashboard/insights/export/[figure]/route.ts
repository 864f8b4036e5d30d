// GET /dashboard/insights/export/:figure: one insights figure as CSV, for the range in the URL
import { sessionRoute } from "@/lib/http/session-route";
import { figureCsv } from "@/lib/insights/figures";
import { readFigure } from "@/lib/insights/read-figure";

export const GET = sessionRoute<{ figure: string }>({ role: "viewer" }, async (request, context, params) => {
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const figure = await readFigure(params.figure, context.workspace, searchParams);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(figureCsv(figure), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${figure.id}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
