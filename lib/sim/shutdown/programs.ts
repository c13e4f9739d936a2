import type { ProgramSpec, ShutdownProgram } from "./program-types";
import type { StopSignal } from "./types";

/** Built-in shutdown programs. Each call returns a fresh program: they keep per-run state. */

const HANDLED: readonly StopSignal[] = ["SIGTERM", "SIGINT"];
const seconds = (ms: number) => `${ms / 1000} s`;

/** No process.on("SIGTERM"): Node's default action applies (ignored when Node is PID 1). */
export function noHandler(): ShutdownProgram {
  return { name: "No signal handler", listensTo: [], onSignal() {} };
}

/** process.on("SIGTERM", () => process.exit(0)): clean exit code, every in-flight request cut. */
export function exitImmediately(code = 0): ShutdownProgram {
  return {
    name: `Handler calls process.exit(${code}) at once`,
    listensTo: HANDLED,
    onSignal(signal, api) {
      api.log(`${signal}: exiting`);
      api.exit(code);
    },
  };
}

/** The chapter's Flask example: time.sleep(30) in the handler, then db.close() and exit(0). */
export function sleepThenExit(sleepMs = 30_000): ShutdownProgram {
  return {
    name: `Handler sleeps ${seconds(sleepMs)}, then exits`,
    listensTo: HANDLED,
    onSignal(signal, api) {
      api.log(`${signal}: sleeping ${seconds(sleepMs)} before shutting down`);
      api.block(sleepMs, () => api.closeDb(() => api.exit(0)));
    },
  };
}

/** The chapter's Node example: 503, server.close() and ending every connection in the same tick. */
export function closeEverythingAtOnce(): ShutdownProgram {
  return {
    name: "Handler closes the server and every connection at once",
    listensTo: HANDLED,
    onSignal(_signal, api) {
      api.setReady(false);
      api.closeServer(() => api.exit(0));
      api.closeAllConnections();
    },
  };
}

export interface GracefulOptions {
  drainDelayMs?: number;
  forceExitMs?: number | null;
  connectionClose?: boolean;
}

/**
 * The lesson's orders-api handler: readiness 503, keep serving for the drain delay, server.close(),
 * wait for in-flight requests, close the database, exit 0; a force-exit timer exits 1 if stuck.
 */
export function graceful({
  drainDelayMs = 5_000,
  forceExitMs = 8_000,
  connectionClose = true,
}: GracefulOptions = {}) {
  let shuttingDown = false;
  const program: ShutdownProgram = {
    name: `Graceful handler (drain ${seconds(drainDelayMs)}, ${
      forceExitMs === null ? "no force exit" : `force exit ${seconds(forceExitMs)}`
    })`,
    listensTo: HANDLED,
    onSignal(signal, api) {
      if (shuttingDown) return; // a second signal must not start a second shutdown
      shuttingDown = true;
      api.setReady(false);
      if (connectionClose) api.setConnectionClose(true);
      api.log(`${signal}: readiness 503, serving ${drainDelayMs} ms more`);
      if (forceExitMs !== null) {
        api.setTimeout(() => {
          api.log(`still draining after ${forceExitMs} ms, forcing exit`);
          api.exit(1);
        }, forceExitMs);
      }
      api.setTimeout(() => {
        api.log(`closing listener, ${api.inFlight()} request(s) in flight`);
        api.closeServer((error) => {
          if (error) return api.exit(1);
          api.closeDb(() => {
            api.log("drained, exiting 0");
            api.exit(0);
          });
        });
      }, drainDelayMs);
    },
  };
  return program;
}

export function programFromSpec(spec: ProgramSpec): ShutdownProgram {
  switch (spec.builtin) {
    case "no-handler":
      return noHandler();
    case "exit-immediately":
      return exitImmediately(spec.code);
    case "sleep-then-exit":
      return sleepThenExit(spec.sleepMs);
    case "close-everything-at-once":
      return closeEverythingAtOnce();
    case "graceful":
      return graceful(spec);
  }
}
