import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startProductionServer, type RunningServer } from "@/lib/testing/production-server";

type Outcome =
  | { kind: "response"; status: number; body: string; connection: string | undefined }
  | { kind: "error"; code: string };

/** One request on its own connection (or on `agent`), reporting exactly how it ended. */
function request(url: string, agent?: http.Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: agent ?? false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ kind: "response", status: res.statusCode ?? 0, body, connection: res.headers.connection }),
      );
      res.on("error", (error: NodeJS.ErrnoException) =>
        resolve({ kind: "error", code: error.code ?? error.message }),
      );
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ kind: "error", code: error.code ?? error.message }),
    );
  });
}

const METRICS_TOKEN = "integration-metrics-token-0123456789";

async function inFlight(baseUrl: string): Promise<number> {
  const text = await (
    await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const line = text.split("\n").find((row) => row.startsWith("http_requests_in_flight"));
  return Number(line?.split(" ").pop() ?? 0);
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function isCompleteSlowResponse(outcome: Outcome, sleptMs: number): boolean {
  if (outcome.kind !== "response" || outcome.status !== 200) return false;
  const parsed = JSON.parse(outcome.body) as { sleptMs: number; body: string };
  return parsed.sleptMs === sleptMs && parsed.body.length === 16 * 1024;
}

describe("production server: graceful shutdown on SIGTERM", () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("finishes every in-flight request with 200, reports not-ready, then exits 0 inside the 10 s grace", async () => {
    server = await startProductionServer({
      METRICS_TOKEN,
      SHIPSHAPE_ENABLE_TEST_ROUTES: "1",
      SHUTDOWN_DRAIN_DELAY_MS: "1000",
    });
    const { baseUrl } = server;
    const slowMs = 3000;
    const pending = Array.from({ length: 6 }, () => request(`${baseUrl}/api/test/slow?ms=${slowMs}`));
    // 6 slow requests plus the metrics request that is asking.
    await waitFor(async () => (await inFlight(baseUrl)) >= 7, "six slow requests to be in flight");

    const signalledAt = Date.now();
    server.process.kill("SIGTERM");

    await waitFor(async () => {
      const ready = await request(`${baseUrl}/api/ready`);
      return ready.kind === "response" && ready.status === 503;
    }, "readiness to report 503");
    const ready = await request(`${baseUrl}/api/ready`);
    expect(ready).toMatchObject({ kind: "response", status: 503 });
    expect(JSON.parse((ready as { body: string }).body)).toMatchObject({ reason: "shutting down" });
    // Liveness stays green while draining: the process is fine, it is just leaving.
    expect(await request(`${baseUrl}/api/health`)).toMatchObject({ kind: "response", status: 200 });

    const outcomes = await Promise.all(pending);
    for (const outcome of outcomes) expect(isCompleteSlowResponse(outcome, slowMs)).toBe(true);

    const exit = await server.exited;
    const elapsed = Date.now() - signalledAt;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(elapsed).toBeLessThan(10_000);
    expect(server.logs()).toContain('"msg":"shutdown complete"');
  });

  it("never half-serves a request that arrives after SIGTERM: it is answered in full or refused", async () => {
    server = await startProductionServer({
      METRICS_TOKEN,
      SHIPSHAPE_ENABLE_TEST_ROUTES: "1",
      SHUTDOWN_DRAIN_DELAY_MS: "1000",
    });
    const { baseUrl } = server;
    // Keeps the server draining for a while after its listener closes.
    const longRequest = request(`${baseUrl}/api/test/slow?ms=3000`);
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await request(`${baseUrl}/api/test/slow?ms=0`, keepAlive)).toMatchObject({ status: 200 });
    await waitFor(async () => (await inFlight(baseUrl)) >= 2, "the long request to be in flight");

    server.process.kill("SIGTERM");
    let exited = false;
    void server.exited.then(() => (exited = true));
    // The signal is delivered asynchronously: wait until the server says it is leaving.
    await waitFor(async () => {
      const ready = await request(`${baseUrl}/api/ready`);
      return ready.kind === "response" && ready.status === 503;
    }, "readiness to report 503");

    const outcomes: Outcome[] = [];
    // The keep-alive connection opened before SIGTERM is told to close after its next response.
    const onKeptConnection = await request(`${baseUrl}/api/test/slow?ms=50`, keepAlive);
    expect(onKeptConnection).toMatchObject({ kind: "response", status: 200, connection: "close" });

    while (!exited) {
      outcomes.push(await request(`${baseUrl}/api/test/slow?ms=50`));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    keepAlive.destroy();

    const long = await longRequest;
    expect(isCompleteSlowResponse(long, 3000)).toBe(true);
    // It arrived before SIGTERM, yet its connection closes too: no keep-alive socket outlives the drain.
    expect(long).toMatchObject({ connection: "close" });
    const served = outcomes.filter((outcome) => outcome.kind === "response");
    const refused = outcomes.filter((outcome) => outcome.kind === "error");
    expect(served.length).toBeGreaterThan(0); // during the drain delay
    expect(refused.length).toBeGreaterThan(0); // after the listener closed
    for (const outcome of served) expect(isCompleteSlowResponse(outcome, 50)).toBe(true);
    for (const outcome of refused) expect(outcome).toEqual({ kind: "error", code: "ECONNREFUSED" });
    // Once refusing starts, nothing is served again.
    const firstRefusal = outcomes.findIndex((outcome) => outcome.kind === "error");
    expect(outcomes.slice(firstRefusal).every((outcome) => outcome.kind === "error")).toBe(true);
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
