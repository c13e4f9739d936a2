import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import type { ShutdownApi, ShutdownProgram, StopSignal } from "@/lib/sim/shutdown";
import {
  type CpuMeter,
  DEFAULT_LIMITS,
  QuickJsSandbox,
  type GuestError,
  type HostFunctions,
  type HostReply,
  type SandboxLimits,
} from "./quickjs-sandbox";
import { SHUTDOWN_PRELUDE } from "./shutdown-prelude";

/** Thrown into the engine when learner code fails inside a callback: the engine treats it as an uncaught exception (exit 1). */
export class LearnerCodeError extends Error {
  constructor(readonly guest: GuestError) {
    super(guest.message);
    this.name = "LearnerCodeError";
  }
}

/**
 * Wraps the learner's shutdown code (a `process.on("SIGTERM", …)` handler
 * using server.close, timers and db.close) as a program for the shutdown
 * engine. Every call the guest makes is forwarded to the engine's API at the
 * current virtual instant; every callback the engine fires runs in the guest.
 */
export function createShutdownProgram(
  quickjs: QuickJSWASMModule,
  code: string,
  limits: SandboxLimits = DEFAULT_LIMITS,
  meter?: CpuMeter,
) {
  let api: ShutdownApi | null = null;
  const ok = (value: unknown = null): HostReply => ({ value });
  const needApi = (): ShutdownApi => {
    if (!api) throw new Error("the shutdown API is only available once a signal arrives");
    return api;
  };

  // Console lines go to the engine's timeline at the instant they were written.
  const flushLogs = () => {
    for (const entry of sandbox.logs.splice(0)) {
      api?.log(entry.line ? `${entry.message} (line ${entry.line})` : entry.message);
    }
  };

  const invoke = (callbackId: number) => (error?: string) => {
    if (!callbackId) return;
    const failure = sandbox.callGlobal("__invoke", [callbackId, error ?? null]);
    const guestError = "error" in failure ? failure.error : sandbox.runJobs();
    flushLogs();
    if (guestError) throw new LearnerCodeError(guestError);
  };

  const hostFunctions: HostFunctions = {
    // The engine's virtual clock; while the code loads (before any signal) the simulation is at 0.
    "clock.now": () => ok(api ? api.now() : 0),
    exit: (code) => (needApi().exit(Number(code)), ok()),
    setTimeout: (callbackId, ms) =>
      ok(needApi().setTimeout(invoke(Number(callbackId)), Math.max(0, Number(ms) || 0))),
    clearTimeout: (timerId) => (needApi().clearTimeout(Number(timerId)), ok()),
    unrefTimer: (timerId) => (needApi().unrefTimer(Number(timerId)), ok()),
    "server.close": (callbackId) => (needApi().closeServer(invoke(Number(callbackId))), ok()),
    "server.closeIdleConnections": () => (needApi().closeIdleConnections(), ok()),
    "server.closeAllConnections": () => (needApi().closeAllConnections(), ok()),
    "db.close": (callbackId) => (needApi().closeDb(invoke(Number(callbackId))), ok()),
    setReady: (ready) => (needApi().setReady(Boolean(ready)), ok()),
    setConnectionClose: (enabled) => (needApi().setConnectionClose(Boolean(enabled)), ok()),
    inFlight: () => ok(needApi().inFlight()),
  };
  // Console lines written before a call (say, just before process.exit) must reach the timeline first.
  const flushingFirst = Object.fromEntries(
    Object.entries(hostFunctions).map(([name, fn]) => [
      name,
      (...args: unknown[]) => (flushLogs(), fn(...args)),
    ]),
  );
  const sandbox = new QuickJsSandbox(quickjs, flushingFirst, limits, meter);
  const preludeError = sandbox.evaluatePrelude(SHUTDOWN_PRELUDE, "lab-prelude.js");
  if (preludeError) throw new Error(`lab prelude failed: ${preludeError.message}`);
  const loadError = sandbox.evaluate(code) ?? sandbox.runJobs();
  const listening = loadError ? { value: [] } : sandbox.callGlobal("__listening");
  const listensTo = ("value" in listening ? (listening.value as StopSignal[]) : []).filter(Boolean);

  const program: ShutdownProgram = {
    name: "your code",
    listensTo,
    onSignal(signal, shutdownApi) {
      api = shutdownApi;
      const emitted = sandbox.callGlobal("__emit", [signal]);
      const error = "error" in emitted ? emitted.error : sandbox.runJobs();
      flushLogs();
      if (error) throw new LearnerCodeError(error);
    },
  };

  return { program, loadError, dispose: () => sandbox.dispose() };
}
