import { pingDb } from "@/lib/db";
import { lifecycle } from "@/lib/observability/lifecycle";

// Readiness: may this instance receive traffic right now? No while shutting
// down, and no when the database does not answer within the budget.
export const dynamic = "force-dynamic";

const DB_PING_TIMEOUT_MS = 1_000;
const noStore = { "cache-control": "no-store" };

export async function GET() {
  if (lifecycle().shuttingDown) {
    return Response.json(
      { status: "unavailable", reason: "shutting down" },
      { status: 503, headers: noStore },
    );
  }
  const startedAt = performance.now();
  try {
    await pingDb(DB_PING_TIMEOUT_MS);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return Response.json(
      { status: "unavailable", reason: "database unreachable", detail },
      { status: 503, headers: noStore },
    );
  }
  return Response.json(
    { status: "ready", checks: { database: { ok: true, ms: Math.round(performance.now() - startedAt) } } },
    { headers: noStore },
  );
}
