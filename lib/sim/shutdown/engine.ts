import { createApi } from "./app-api";
import { arrive, completeRequest, idleTimeout } from "./http-server";
import { onEndpointRemoved, onProbe, startProbing } from "./load-balancer";
import { deliverStopSignal, invoke, maybeExitNaturally, resume, runApp, sigkill } from "./process";
import type { ProgramSpec, ShutdownApi, ShutdownProgram } from "./program-types";
import { programFromSpec } from "./programs";
import { createRun, emit, isAppTick, type Run, type Tick } from "./run";
import { planStop } from "./platform";
import { resolveScenario } from "./scenario";
import { buildSummary } from "./summary";
import type { ShutdownEvent, ShutdownResult, ShutdownScenario, ShutdownSummary } from "./types";

/**
 * The shutdown engine: a pure function of (scenario, program) → timeline on the virtual clock.
 *
 * Ordering rules, for ties at the same millisecond:
 * 1. Request arrivals come first (a request arriving as the listener closes is accepted).
 * 2. Then clock events in the order they were scheduled; SIGKILL is scheduled when the stop
 *    begins, so it wins a tie against any timer the app sets later.
 */

function onStop(run: Run, api: ShutdownApi): void {
  const { plan, scenario } = run;
  emit(run, {
    type: "stop-requested",
    platform: scenario.platform.kind,
    gracePeriodMs: scenario.platform.gracePeriodMs,
    stopSignal: plan.signal,
  });
  run.proc.killTick = run.clock.schedule(plan.killAtMs, { kind: "sigkill" });
  if (plan.endpointRemovalAtMs !== null)
    run.clock.schedule(plan.endpointRemovalAtMs, { kind: "endpoint-removed" });
  startProbing(run);
  if (plan.preStop) {
    emit(run, { type: "prestop-started", durationMs: scenario.platform.preStopMs });
    run.clock.schedule(plan.preStop.endMs, { kind: "prestop-done" });
  } else if (plan.signalAtMs === run.now) {
    deliverStopSignal(run, () => run.program.onSignal(plan.signal, api));
  } else {
    run.clock.schedule(plan.signalAtMs, { kind: "signal" });
  }
}

/** While the process is blocked, its JavaScript work waits; handles are updated so clearTimeout still works. */
function defer(run: Run, tick: Tick): void {
  const handle = run.clock.schedule(run.proc.blockedUntil, tick);
  if (tick.kind === "timer") {
    const timer = run.timers.get(tick.timerId);
    if (timer) timer.tick = handle;
  } else if (tick.kind === "idle-timeout") {
    tick.connection.idleTimer = handle;
  }
}

function dispatch(run: Run, tick: Tick, api: ShutdownApi): void {
  if (isAppTick(tick)) {
    if (!run.proc.alive) return;
    if (run.proc.blocked) return defer(run, tick);
  }
  switch (tick.kind) {
    case "stop":
      return onStop(run, api);
    case "prestop-done":
      emit(run, { type: "prestop-finished", cutShort: run.plan.preStop?.cutShort ?? false });
      return deliverStopSignal(run, () => run.program.onSignal(run.plan.signal, api));
    case "signal":
      return deliverStopSignal(run, () => run.program.onSignal(run.plan.signal, api));
    case "sigkill":
      return sigkill(run);
    case "endpoint-removed":
      return onEndpointRemoved(run);
    case "probe":
      return onProbe(run);
    case "resume":
      return resume(run, tick.then);
    case "complete":
      return completeRequest(run, tick.connection);
    case "idle-timeout":
      return idleTimeout(run, tick.connection);
    case "timer": {
      const timer = run.timers.get(tick.timerId);
      if (!timer) return;
      run.timers.delete(tick.timerId);
      emit(run, { type: "timer-fired", timerId: tick.timerId });
      return invoke(run, timer.callback);
    }
    case "db-closed": {
      run.db = "closed";
      emit(run, { type: "db-closed" });
      const callbacks = run.dbCallbacks;
      run.dbCallbacks = [];
      for (const callback of callbacks) runApp(run, () => callback());
      return;
    }
    case "callback":
      run.proc.pendingCallbacks--;
      return invoke(run, tick.run);
  }
}

/** Runs the simulation, streaming each event to `onEvent`; returns the summary. */
export function runShutdown(
  scenario: ShutdownScenario,
  program: ShutdownProgram | ProgramSpec,
  onEvent: (event: ShutdownEvent) => void,
): ShutdownSummary {
  const resolved = resolveScenario(scenario);
  const run = createRun(
    resolved,
    planStop(resolved),
    "builtin" in program ? programFromSpec(program) : program,
    onEvent,
  );
  const api = createApi(run);
  run.clock.schedule(run.plan.stopAtMs, { kind: "stop" });
  const { requests } = resolved;
  let next = 0;
  for (;;) {
    // Arrivals are not on the clock (a day of traffic would make its queue huge): they are merged
    // in here, ahead of any clock event at the same millisecond.
    const arrivalAt = next < requests.length ? requests[next]!.atMs : Number.POSITIVE_INFINITY;
    const entry = run.clock.next(arrivalAt - 1);
    if (entry) {
      run.now = entry.at;
      dispatch(run, entry.event, api);
      maybeExitNaturally(run);
      continue;
    }
    if (next >= requests.length) break;
    run.now = arrivalAt;
    while (next < requests.length && requests[next]!.atMs === arrivalAt) {
      run.arrivalsLeft--;
      arrive(run, requests[next++]!);
    }
  }
  return buildSummary(run);
}

/** Runs the simulation and returns every event with the summary. */
export function simulateShutdown(
  scenario: ShutdownScenario,
  program: ShutdownProgram | ProgramSpec,
): ShutdownResult {
  const events: ShutdownEvent[] = [];
  const summary = runShutdown(scenario, program, (event) => events.push(event));
  return { events, summary };
}
