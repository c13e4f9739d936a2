/**
 * One plain-English sentence per event, for the narration panel, e.g.
 * "t=73s: probe 8 timed out after 3s (exit −1); failing streak 1 of 3".
 */
import type { TimelineEvent } from "./types";

/** Milliseconds as seconds: 73000 → "73s", 15020 → "15.02s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/** Exit codes with a typographic minus, as in "exit −1". */
export function formatExitCode(code: number): string {
  return code < 0 ? `−${-code}` : String(code);
}

export function narrate(event: TimelineEvent): string {
  return `t=${formatSeconds(event.atMs)}: ${describe(event)}`;
}

function describe(event: TimelineEvent): string {
  switch (event.type) {
    case "container-start":
      if (event.reason === "initial") return `container ${event.container} started`;
      if (event.reason === "replacement")
        return `replacement container ${event.container} started with a fresh health log`;
      if (event.reason === "dependency-healthy") return `container ${event.container} started`;
      return `container ${event.container} started again (start ${event.startNumber})`;
    case "container-exit":
      return `the main process of ${event.container} exited with code ${event.exitCode} after ${formatSeconds(event.uptimeMs)}`;
    case "container-stop":
      return `${event.container} was shut down: ${event.reason}`;
    case "probe-start":
      return `${probeName(event.probe, event.probeNumber)} started`;
    case "probe-end":
      return describeProbeEnd(event);
    case "status-change":
      if (event.cause === "container-start")
        return `${event.container} status reset to starting with failing streak 0 (the health log is kept; Docker emits no health_status event for this)`;
      return `health_status: ${event.to} (${event.container} was ${event.from})`;
    case "restart":
      return `${event.container} will start again in ${formatSeconds(event.delayMs)} (restart ${event.restartCount}): ${event.reason}`;
    case "unhealthy-ignored":
      return `${event.container} is unhealthy but keeps running: Docker restart policies act only when a container exits`;
    case "task-running":
      return `task ${event.task} is running (its container is healthy)`;
    case "task-failed":
      return `task ${event.task} failed (${event.reason}); Swarm shuts its container down`;
    case "task-replaced":
      return `task ${event.newTask} replaces ${event.oldTask} after the restart delay`;
    case "startup-succeeded":
      return `${event.container} passed its startup probe: liveness and readiness probes may run from now on`;
    case "endpoint-added":
      return event.via === "kubernetes-service"
        ? `Pod ${event.target} is Ready and added to the Service endpoints (${event.reason})`
        : `nginx may send requests to ${event.target} again (${event.reason})`;
    case "endpoint-removed":
      return event.via === "kubernetes-service"
        ? `Pod ${event.target} is not Ready and removed from the Service endpoints (${event.reason})`
        : `nginx marks ${event.target} unavailable (${event.reason})`;
    case "dependant-waiting":
      return `${event.dependant} waits for ${event.dependency} to become healthy`;
    case "dependant-started":
      return `${event.dependency} is healthy, so Compose starts ${event.dependant}`;
    case "dependant-failed":
      return `${event.dependant} will not start: ${event.reason}`;
    case "request": {
      const path = event.attempts.map((attempt) => `${attempt.server} ${attempt.outcome}`).join(", ");
      const tried = path === "" ? "no live upstreams" : path;
      return `request ${event.requestNumber} answered ${event.status} after ${formatSeconds(event.atMs - event.startedAtMs)} (${tried})`;
    }
  }
}

function probeName(kind: string, number: number) {
  return kind === "healthcheck" ? `probe ${number}` : `${kind} probe ${number}`;
}

function describeProbeEnd(event: Extract<TimelineEvent, { type: "probe-end" }>) {
  const name = probeName(event.probe, event.probeNumber);
  const verdict = event.timedOut
    ? `timed out after ${formatSeconds(event.timeoutMs)} (exit ${formatExitCode(event.exitCode)})`
    : event.success
      ? `succeeded in ${formatSeconds(event.durationMs)}`
      : `failed (exit ${formatExitCode(event.exitCode)})`;
  const ofThreshold =
    event.streak <= event.threshold
      ? `${event.streak} of ${event.threshold}`
      : `${event.streak} (threshold ${event.threshold})`;

  if (event.probe !== "healthcheck")
    return `${name} ${verdict}; ${ofThreshold} consecutive ${event.success ? "successes" : "failures"}`;
  if (event.success) return `${name} ${verdict}; failing streak reset to 0`;
  if (!event.counted)
    return `${name} ${verdict} inside the start period while starting: not counted (failing streak ${ofThreshold})`;
  return `${name} ${verdict}; failing streak ${ofThreshold}`;
}
