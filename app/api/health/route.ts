// Liveness: answers as long as the process can serve HTTP. It deliberately
// touches no dependency, so a database outage never gets the app restarted.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(
    { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "cache-control": "no-store" } },
  );
}
