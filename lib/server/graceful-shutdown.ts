import type { Server, ServerResponse } from "node:http";
import type { Logger } from "pino";

export type GracefulShutdownOptions = {
  server: Server;
  /** Keep serving (with readiness at 503) so load balancers stop routing here first. */
  drainDelayMs: number;
  /** Backstop: exit 1 if draining takes longer than this (keep it under the platform's grace period). */
  forceExitMs: number;
  markShuttingDown: () => void;
  closeResources: () => Promise<void>;
  log: Logger;
  exit: (code: number) => void;
};

/**
 * Returns the function to call on SIGTERM/SIGINT. The order matters:
 * 1. readiness flips to 503 at once, so orchestrators stop sending traffic;
 * 2. we keep serving for `drainDelayMs` while they notice (responses carry
 *    `Connection: close` so keep-alive clients reconnect elsewhere);
 * 3. the listener closes: new connections are refused, idle keep-alive sockets
 *    are closed, in-flight requests run to completion;
 * 4. once the last connection ends, the database is closed and we exit 0.
 */
export function createGracefulShutdown(options: GracefulShutdownOptions) {
  const { server, drainDelayMs, forceExitMs, markShuttingDown, closeResources, log, exit } = options;
  let started = false;
  let exited = false;
  const exitOnce = (code: number) => {
    if (exited) return;
    exited = true;
    exit(code);
  };

  return async function shutdown(signal: string): Promise<void> {
    if (started) {
      log.warn({ signal }, "shutdown already in progress");
      return;
    }
    started = true;
    const startedAt = Date.now();
    markShuttingDown();
    log.info({ signal, drainDelayMs, forceExitMs }, "shutdown started: readiness now 503");

    const forceTimer = setTimeout(() => {
      log.error({ elapsedMs: Date.now() - startedAt }, "shutdown took too long: forcing exit");
      exitOnce(1);
    }, forceExitMs);
    forceTimer.unref();

    await new Promise((resolve) => setTimeout(resolve, drainDelayMs));

    log.info("closing listener; waiting for in-flight requests");
    const closed = new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    server.closeIdleConnections();

    try {
      await closed;
      if (exited) return;
      await closeResources();
      clearTimeout(forceTimer);
      log.info({ elapsedMs: Date.now() - startedAt }, "shutdown complete");
      exitOnce(0);
    } catch (error) {
      log.error({ err: error }, "shutdown failed");
      exitOnce(1);
    }
  };
}

/**
 * Responses whose headers go out once shutdown has started carry
 * `Connection: close`, including requests that arrived before it: otherwise
 * their connection would stay in a proxy's keep-alive pool and could be reused
 * at the very moment the listener closes idle sockets (a reset, and a 502 for a
 * POST that the proxy must not retry).
 */
export function closeConnectionWhenShuttingDown(res: ServerResponse, shuttingDown: () => boolean): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (shuttingDown() && !this.headersSent) this.setHeader("connection", "close");
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
