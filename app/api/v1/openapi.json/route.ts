// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the metering API (public)
import { openApiDocument } from "@/lib/metering/openapi";

export function GET() {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
