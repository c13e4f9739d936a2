import { destroyAllConnections } from "./http-server";
import { emit, queueCallback, type Run } from "./run";
import { exitCodeForSignal, pid1 } from "./signals";
import type { DropCause, ExitCause, Signal } from "./types";

/** The Node process: signal delivery (fact sheet §3.3–3.4), running app code, blocking, exiting. */

const DROP_CAUSE: Record<ExitCause, DropCause> = {
  sigkill: "sigkill",
  "signal-default": "signal-default",
  "process-exit": "exit",
  "uncaught-exception": "exit",
  "event-loop-empty": "exit",
};

export function exitProcess(run: Run, code: number, cause: ExitCause, signal?: Signal): void {
  const { proc } = run;
  if (!proc.alive) return;
  proc.alive = false;
  proc.exitCode = code;
  proc.exitAtMs = run.now;
  proc.exitCause = cause;
  if (proc.killTick !== null && cause !== "sigkill") run.clock.cancel(proc.killTick);
  proc.killTick = null;
  destroyAllConnections(run, DROP_CAUSE[cause]);
  emit(run, signal ? { type: "exit", code, cause, signal } : { type: "exit", code, cause });
}

/** Runs app code now; an exception in it is uncaught and ends the process with code 1, as in Node. */
export function invoke(run: Run, code: () => void): void {
  if (!run.proc.alive) return;
  try {
    code();
  } catch (error) {
    if (run.proc.alive) {
      emit(run, {
        type: "uncaught-exception",
        message: error instanceof Error ? error.message : String(error),
      });
      exitProcess(run, 1, "uncaught-exception");
    }
  } finally {
    run.proc.blockedThisCallback = false;
  }
}

/** App code triggered from outside: deferred while the process is blocked. */
export function runApp(run: Run, code: () => void): void {
  if (run.proc.blocked) queueCallback(run, code);
  else invoke(run, code);
}

export function block(run: Run, durationMs: number, then: (() => void) | undefined): void {
  const { proc } = run;
  emit(run, { type: "blocked", durationMs });
  proc.blocked = true;
  proc.blockedUntil = run.now + durationMs;
  proc.blockedThisCallback = true;
  run.clock.schedule(proc.blockedUntil, { kind: "resume", then });
}

export function resume(run: Run, then: (() => void) | undefined): void {
  if (!run.proc.alive) return;
  run.proc.blocked = false;
  emit(run, { type: "unblocked" });
  if (then) invoke(run, then);
}

/**
 * The stop signal reaches PID 1. Node as PID 1 without a listener ignores it (the kernel ignores
 * default-action signals for PID 1); behind tini the default action kills Node; behind npm we
 * assume it never arrives. With a listener, the program's handler runs instead.
 */
export function deliverStopSignal(run: Run, runHandler: () => void): void {
  const { signal } = run.plan;
  const { launch } = run.scenario;
  const via = pid1(launch);
  if (!run.proc.alive) return;
  emit(run, { type: "signal-sent", signal, to: via });
  if (launch === "npm") return emit(run, { type: "signal-received", signal, outcome: "not-forwarded", via });
  if (run.program.listensTo.includes(signal)) {
    emit(run, { type: "signal-received", signal, outcome: "handler", via });
    return runApp(run, runHandler);
  }
  if (launch === "exec")
    return emit(run, { type: "signal-received", signal, outcome: "ignored-as-pid1", via });
  emit(run, { type: "signal-received", signal, outcome: "default-action", via });
  exitProcess(run, exitCodeForSignal(signal), "signal-default", signal);
}

export function sigkill(run: Run): void {
  run.proc.killTick = null;
  if (!run.proc.alive) return;
  emit(run, { type: "signal-sent", signal: "SIGKILL", to: pid1(run.scenario.launch) });
  run.proc.sigkillAtMs = run.now;
  exitProcess(run, exitCodeForSignal("SIGKILL"), "sigkill", "SIGKILL");
}

/** Node exits by itself, with code 0, once nothing keeps its event loop alive. */
export function maybeExitNaturally(run: Run): void {
  const { proc, server } = run;
  if (!proc.alive || server.listening || server.connections.size > 0) return;
  const refTimers = [...run.timers.values()].some((timer) => timer.ref);
  if (refTimers || proc.blocked || proc.pendingCallbacks > 0) return;
  if (run.db === "open" || run.db === "closing") return;
  exitProcess(run, 0, "event-loop-empty");
}
