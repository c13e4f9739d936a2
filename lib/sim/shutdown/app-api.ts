import { closeAllConnections, closeIdleConnections, closeServer } from "./http-server";
import { block, exitProcess, maybeExitNaturally } from "./process";
import type { ShutdownApi } from "./program-types";
import { emit, queueCallback, type Run } from "./run";

/** Node clamps timer delays outside 1 ms … 2^31 − 1 ms to 1 ms. */
const TIMEOUT_MAX = 2 ** 31 - 1;
function timerDelay(delayMs: number): number {
  return delayMs >= 1 && delayMs <= TIMEOUT_MAX ? Math.trunc(delayMs) : 1;
}

/** The API handed to the program, bound to one run. */
export function createApi(run: Run): ShutdownApi {
  /** False once the process is gone (calls are ignored); throws for code placed after block(). */
  const active = (): boolean => {
    if (!run.proc.alive) return false;
    if (run.proc.blockedThisCallback) throw new Error("code after block() must go in its callback");
    return true;
  };
  const requireNode18 = (method: string) => {
    if (run.scenario.nodeMajor < 18) throw new TypeError(`server.${method} is not a function`);
  };

  return {
    now: () => run.now,
    inFlight: () => run.server.inFlight,
    log(message) {
      if (active()) emit(run, { type: "app-log", message: String(message) });
    },
    setReady(ready) {
      if (!active() || run.lb.ready === ready) return;
      run.lb.ready = ready;
      emit(run, { type: "readiness-changed", ready });
    },
    setConnectionClose(enabled) {
      if (!active() || run.server.connectionClose === enabled) return;
      run.server.connectionClose = enabled;
      emit(run, { type: "connection-close-header", enabled });
    },
    setTimeout(callback, delayMs) {
      if (!active()) return 0;
      const timerId = run.nextTimerId++;
      const delay = timerDelay(delayMs);
      const tick = run.clock.schedule(run.now + delay, { kind: "timer", timerId });
      run.timers.set(timerId, { tick, callback, ref: true });
      emit(run, { type: "timer-set", timerId, delayMs: delay });
      return timerId;
    },
    unrefTimer(timerId) {
      const timer = run.timers.get(timerId);
      if (!active() || !timer || !timer.ref) return;
      timer.ref = false;
      maybeExitNaturally(run);
    },
    clearTimeout(timerId) {
      const timer = run.timers.get(timerId);
      if (!active() || !timer) return;
      run.clock.cancel(timer.tick);
      run.timers.delete(timerId);
      emit(run, { type: "timer-cleared", timerId });
    },
    closeServer(callback) {
      if (active()) closeServer(run, callback);
    },
    closeIdleConnections() {
      if (!active()) return;
      requireNode18("closeIdleConnections");
      emit(run, { type: "close-idle-called" });
      closeIdleConnections(run, "close-idle-connections");
    },
    closeAllConnections() {
      if (!active()) return;
      requireNode18("closeAllConnections");
      emit(run, { type: "close-all-called" });
      closeAllConnections(run);
    },
    closeDb(callback) {
      if (!active()) return;
      const database = run.scenario.database;
      if (run.db === "open" && database) {
        run.db = "closing";
        emit(run, { type: "db-close-started", durationMs: database.closeMs });
        run.clock.schedule(run.now + database.closeMs, { kind: "db-closed" });
        if (callback) run.dbCallbacks.push(callback);
      } else if (callback) {
        // Without a database there is nothing to wait for; pg's pool.end() called twice rejects.
        const error = run.db === "none" ? undefined : "Called end on pool more than once";
        queueCallback(run, () => callback(error));
      }
    },
    block(durationMs, then) {
      if (active()) block(run, Math.max(0, Math.trunc(durationMs) || 0), then);
    },
    exit(code) {
      if (active()) exitProcess(run, Math.trunc(Number(code) || 0) & 0xff, "process-exit");
    },
  };
}
