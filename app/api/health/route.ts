// GET /api/health: liveness and database reachability, for load balancers and the test harness
import { pool } from "@/lib/db";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pool().query("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
