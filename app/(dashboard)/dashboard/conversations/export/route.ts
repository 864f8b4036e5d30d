// GET /dashboard/conversations/export: the filtered history as CSV, streamed
import { sessionRoute } from "@/lib/http/session-route";
import { exportConversationsCsv } from "@/lib/conversations/export-conversations-csv";
import { parseHistoryFilters } from "@/lib/conversations/history-filters";

export const GET = sessionRoute({ role: "viewer" }, async (request, context) => {
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const { filters } = parseHistoryFilters(searchParams, context.workspace.timeZone);
  const lines = exportConversationsCsv(context.workspace.id, { ...filters, cursor: undefined });
  const encoder = new TextEncoder();
  // Pulled chunk by chunk: a slow download slows the database reads instead of buffering rows.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="conversations-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
