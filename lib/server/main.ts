import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
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
import { loadStaticPages } from "./static-pages/static-pages";
import { bufferActionBody, isServerAction, refuseByHeaders, type Refusal } from "./edge-guards";
import {
  CLIENT_IP_HEADER,
  REQUEST_ID_HEADER,
  clientIpFor,
  requestIdFor,
  trustedProxyCount,
} from "./request-context";
import { requestIsHttps, secureCookiesOn } from "./secure-cookies";
import { securityHeaders } from "./security-headers";
import type { ScriptHashManifest } from "./static-script-hashes";

// Our own HTTP server around Next's request handler: `next start` closes its
// listener the moment SIGTERM arrives, so readiness could never answer 503
// while load balancers catch up. Here we control every step of the shutdown.
loadSecretFiles(SECRET_FILE_SETTINGS);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedProxies = trustedProxyCount(process.env.TRUST_PROXY);
const publicUrl = process.env.BETTER_AUTH_URL ?? "";
const drainDelayMs = Number(process.env.SHUTDOWN_DRAIN_DELAY_MS ?? 2_000);
const forceExitMs = Number(process.env.SHUTDOWN_FORCE_EXIT_MS ?? 8_000);
const log = logger();

// Lab verification runs in worker threads (dist/lab-verify-worker.mjs), never on this thread.
startLabVerifier({ file: new URL("./lab-verify-worker.mjs", import.meta.url) });

const app = next({ dev: false, dir: process.cwd(), hostname, port });

// Hashes of the inline scripts of prerendered pages (scripts/csp-hashes.mjs, run by `npm run build`).
const hashFile = ".next/csp-script-hashes.json";
const scriptHashes: ScriptHashManifest = existsSync(hashFile)
  ? (JSON.parse(readFileSync(hashFile, "utf8")) as ScriptHashManifest)
  : { pages: {}, common: [] };
if (!existsSync(hashFile))
  log.warn({ file: hashFile }, "no CSP script hashes: prerendered pages' inline scripts will be blocked");
// Dynamic pages: the nonce, plus inline scripts every static page shares and the prerendered 404's.
const dynamicHashes = [...new Set([...scriptHashes.common, ...(scriptHashes.pages["/_not-found"] ?? [])])];

/** CSP and friends for this request; a nonce for pages Next renders now, hashes for prerendered ones. */
function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, pathname: string, https: boolean) {
  const staticHashes =
    (req.method === "GET" || req.method === "HEAD") && !req.headers.rsc
      ? scriptHashes.pages[pathname]
      : undefined;
  const nonce = staticHashes ? undefined : randomBytes(16).toString("base64");
  const headers = securityHeaders({ nonce, scriptHashes: staticHashes ?? dynamicHashes, https });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // Next reads the nonce from the request's policy and puts it on the inline scripts it renders.
  if (nonce) req.headers["content-security-policy"] = headers["Content-Security-Policy"];
}

function refuse(res: ServerResponse, refusal: Refusal) {
  res.statusCode = refusal.status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  if (refusal.status === 413) res.setHeader("connection", "close");
  res.end(`${refusal.message}\n`);
}
const handle = app.getRequestHandler();

await app.prepare();
// Pages prerendered for good are answered from memory, precompressed (Next answers the rest).
const staticPages = loadStaticPages({ distDir: path.join(process.cwd(), ".next"), warn: (message) => log.warn(message) });

const server = createServer((req, res) => {
  const startedAt = process.hrtime.bigint();
  const requestId = requestIdFor(req);
  req.headers[REQUEST_ID_HEADER] = requestId;
  req.headers[CLIENT_IP_HEADER] = clientIpFor(req, trustedProxies);
  const https = requestIsHttps(req, publicUrl, trustedProxies);
  if (https) secureCookiesOn(res);
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

  void serve(req, res, https).catch((error: unknown) => {
    log.error({ reqId: requestId, err: error }, "unhandled request error");
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

/** Edge checks (short 4xx instead of Next's 500), security headers, then Next. */
async function serve(req: IncomingMessage, res: ServerResponse, https: boolean) {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const early = refuseByHeaders(req);
  applySecurityHeaders(req, res, early ? "" : pathname, https);
  if (early) return refuse(res, early);
  if (staticPages.handle(req, res)) return;
  let request = req;
  if (isServerAction(req)) {
    const buffered = await bufferActionBody(req);
    if ("refusal" in buffered) return refuse(res, buffered.refusal);
    request = buffered.request;
  }
  await handle(request, res);
}

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
