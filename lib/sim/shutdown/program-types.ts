import type { StopSignal } from "./types";

/**
 * The app's shutdown code, injected into the engine. The engine calls `onSignal` when Node receives
 * a signal listed in `listensTo`; from then on the program acts only through `api` and the callbacks
 * it hands to it. Nothing is synchronous across virtual time except `block`, so a sandbox adapter
 * (QuickJS) can drive the same interface by forwarding each call and invoking each callback.
 */
export interface ShutdownProgram {
  readonly name: string;
  /**
   * Signals with a `process.on(signal, …)` listener. A listener replaces Node's default
   * exit-on-signal; an empty list means Node's default action applies.
   */
  readonly listensTo: readonly StopSignal[];
  onSignal(signal: StopSignal, api: ShutdownApi): void;
}

/** A callback that receives an error code, or undefined on success (Node's `(err) => …` style). */
export type ErrorCallback = (error?: string) => void;

/**
 * What the app can do. Every call takes effect at the current virtual instant. Once the process
 * has exited, every call is ignored. A program that throws is an uncaught exception: exit code 1.
 */
export interface ShutdownApi {
  /** Current virtual time in ms. */
  now(): number;
  /** A console line; shows up in the timeline. */
  log(message: string): void;
  /** What the readiness endpoint answers: false means 503. Only a balancer that polls it notices. */
  setReady(ready: boolean): void;
  /** From now on every response carries `Connection: close`, so its connection closes after it. */
  setConnectionClose(enabled: boolean): void;
  /** A timer on the virtual clock; while pending it keeps the process alive. Returns its id. */
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(timerId: number): void;
  /** `timer.unref()`: the timer still fires, but no longer keeps the process alive on its own. */
  unrefTimer(timerId: number): void;
  /**
   * `server.close(cb)`: stop accepting connections (new ones are refused); from Node 19 also close
   * idle keep-alive connections. `cb` runs once every connection has ended, or at once with
   * "ERR_SERVER_NOT_RUNNING" if the server was not listening.
   */
  closeServer(callback?: ErrorCallback): void;
  /** `server.closeIdleConnections()` (Node ≥ 18.2; older versions throw). */
  closeIdleConnections(): void;
  /** `server.closeAllConnections()` (Node ≥ 18.2): destroys active connections too, dropping their requests. */
  closeAllConnections(): void;
  /** `pool.end()`: takes the scenario's database closeMs, then calls back. */
  closeDb(callback?: ErrorCallback): void;
  /**
   * Synchronous busy work, like Python's `time.sleep(30)` in a signal handler: for `durationMs`
   * nothing else in the process runs (no timers, no callbacks, no responses). The code that would
   * follow the blocking call goes in `then`; calling the API again in the same callback throws.
   */
  block(durationMs: number, then?: () => void): void;
  /** `process.exit(code)`: the process ends now; in-flight requests are dropped. */
  exit(code: number): void;
  /** Requests accepted and not yet answered. */
  inFlight(): number;
}

/** Built-in programs as plain data, for lab content and the sandbox-free paths. */
export type ProgramSpec =
  | { builtin: "no-handler" }
  | { builtin: "exit-immediately"; code?: number }
  | { builtin: "sleep-then-exit"; sleepMs?: number }
  | { builtin: "close-everything-at-once" }
  | {
      builtin: "graceful";
      /** How long to keep serving after readiness turns 503 (default 5000). */
      drainDelayMs?: number;
      /** Backstop `process.exit(1)`; null = none (default 8000). */
      forceExitMs?: number | null;
      /** Send `Connection: close` on every response while draining (default true). */
      connectionClose?: boolean;
    };
