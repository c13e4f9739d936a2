import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { disconnectDb } from "@/lib/db-registry";
import { startLabVerifier, stopLabVerifier } from "@/lib/labs/pool/registry";
import { lifecycle, markShuttingDown } from "@/lib/observability/lifecycle";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { routeLabel } from "@/lib/observability/route-label";
import { closeConnectionWhenShuttingDown, createGracefulShutdown } from "./graceful-shutdown";
import { disconnectRedis } from "./redis";
import { SECRET_FILE_SETTINGS, loadSecretFiles } from "./secret-files";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER, clientIpFor, requestIdFor } from "./request-context";
import { loadStaticPages } from "./static-pages/static-pages";

// Our own HTTP server around Next's request handler: `next start` closes its
// listener the moment SIGTERM arrives, so readiness could never answer 503
// while load balancers catch up. Here we control every step of the shutdown.
loadSecretFiles(SECRET_FILE_SETTINGS);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";
const drainDelayMs = Number(process.env.SHUTDOWN_DRAIN_DELAY_MS ?? 2_000);
const forceExitMs = Number(process.env.SHUTDOWN_FORCE_EXIT_MS ?? 8_000);
const log = logger();

// Lab verification runs in worker threads (dist/lab-verify-worker.mjs), never on this thread.
startLabVerifier({ file: new URL("./lab-verify-worker.mjs", import.meta.url) });

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
// Pages prerendered for good are answered from memory, precompressed (Next answers the rest).
const staticPages = loadStaticPages({ distDir: path.join(process.cwd(), ".next"), warn: (message) => log.warn(message) });

const server = createServer((req, res) => {
  const startedAt = process.hrtime.bigint();
  const requestId = requestIdFor(req);
  req.headers[REQUEST_ID_HEADER] = requestId;
  req.headers[CLIENT_IP_HEADER] = clientIpFor(req, trustProxy);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  // Once shutdown starts, tell keep-alive clients to open their next request elsewhere.
  closeConnectionWhenShuttingDown(res, () => lifecycle().shuttingDown);

  metrics().httpRequestsInFlight.inc();
  let counted = true;
  // "close" also fires when the client goes away before the response ends.
  res.once("close", () => {
    if (counted) metrics().httpRequestsInFlight.dec();
    counted = false;
  });

  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routeLabel(pathname);
    metrics().httpRequestDuration.observe(
      { method: req.method ?? "GET", route, status: String(res.statusCode) },
      seconds,
    );
    if (!pathname.startsWith("/_next/static")) {
      log.info(
        {
          reqId: requestId,
          method: req.method,
          path: pathname,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        "request",
      );
    }
  });

  if (staticPages.handle(req, res)) return;
  handle(req, res).catch((error: unknown) => {
    log.error({ reqId: requestId, err: error }, "unhandled request error");
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

const shutdown = createGracefulShutdown({
  server,
  drainDelayMs,
  forceExitMs,
  markShuttingDown: () => {
    markShuttingDown();
    metrics().shuttingDown.set(1);
  },
  closeResources: async () => {
    await stopLabVerifier();
    await disconnectDb();
    await disconnectRedis();
    await app.close();
  },
  log,
  exit: (code) => {
    log.flush();
    process.exit(code);
  },
});

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

server.listen(port, hostname, () => {
  log.info(
    { port, hostname, pid: process.pid },
    `ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
  );
});
