import { readiness } from "@/lib/server/readiness";

// Readiness: may this instance receive traffic right now? No while shutting
// down, and no when the database does not answer within the budget. Redis is
// reported but never fails it (see lib/server/readiness.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  const report = await readiness();
  return Response.json(report, {
    status: report.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
