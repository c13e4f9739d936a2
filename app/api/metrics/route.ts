import { metricsAccess } from "@/lib/server/metrics-access";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape target: only with the configured bearer token (README: "Metrics"). */
export async function GET(request: Request) {
  const access = metricsAccess(env().METRICS_TOKEN, request.headers.get("authorization"));
  if (access !== "ok") {
    const status = access === "disabled" ? 404 : 401;
    return new Response(status === 404 ? "Not found\n" : "Unauthorized\n", {
      status,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        ...(status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {}),
      },
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
