import { emit, type Run } from "./run";
import type { RoutingStopCause } from "./types";

/**
 * The balancer in front of this instance. It only decides where NEW connections go: an open
 * keep-alive connection keeps carrying requests here whatever the balancer thinks.
 */

/** A readiness poll needs a live, unblocked process, an open listener and readiness true. */
function probeSucceeds(run: Run): boolean {
  return run.proc.alive && !run.proc.blocked && run.server.listening && run.lb.ready;
}

function stopRouting(run: Run, cause: RoutingStopCause): void {
  run.lb.routing = false;
  run.lb.stoppedBy = cause;
  emit(run, { type: "routing-stopped", cause });
}

export function startProbing(run: Run): void {
  const probe = run.scenario.routing.readinessProbe;
  if (!probe || run.lb.probing) return;
  run.lb.probing = true;
  run.clock.schedule(run.plan.stopAtMs + probe.offsetMs, { kind: "probe" });
}

export function onProbe(run: Run): void {
  const probe = run.scenario.routing.readinessProbe!;
  const { lb } = run;
  const ok = probeSucceeds(run);
  lb.failures = ok ? 0 : lb.failures + 1;
  emit(run, { type: "lb-probe", ok, failures: lb.failures });
  if (ok && lb.stoppedBy === "readiness") {
    lb.routing = true;
    lb.stoppedBy = null;
    emit(run, { type: "routing-resumed" });
  } else if (!ok && lb.routing && lb.failures >= probe.failureThreshold) {
    stopRouting(run, "readiness");
  }
  // Keep polling while the answer can still change or still matters.
  const matters = run.proc.alive || (lb.routing && run.arrivalsLeft > 0);
  if (lb.stoppedBy !== "endpoint-removed" && matters)
    run.clock.schedule(run.now + probe.periodMs, { kind: "probe" });
  else lb.probing = false;
}

export function onEndpointRemoved(run: Run): void {
  emit(run, { type: "endpoint-removed" });
  if (run.lb.routing) stopRouting(run, "endpoint-removed");
  else run.lb.stoppedBy = "endpoint-removed";
}
