import type { HealthStatus, ProbeKind, TimelineEvent } from "@/lib/sim/healthcheck/types";
import type { ChartModel, ChartWindow, Glyph, Lane, Mark, Tone } from "./chart-model";
import { markTable } from "./mark-table";

const STATUS_LANE = "status";
const EVENTS_LANE = "container";

const PROBE_LANE_LABEL: Record<ProbeKind, string> = {
  healthcheck: "HEALTHCHECK",
  startup: "Startup probe",
  liveness: "Liveness probe",
  readiness: "Readiness probe",
  request: "nginx requests",
};

type State = { tone: Tone; name: string } | null;

/**
 * A health run as a chart: a state band (Docker's health status, or the Pod's readiness on
 * Kubernetes), one lane per probe kind with every probe drawn for as long as it really took, and a
 * lane of container and traffic events. Fault windows are shaded across all of it.
 */
export function healthChart(
  events: readonly TimelineEvent[],
  windows: readonly ChartWindow[],
  endHintMs: number,
): ChartModel {
  const endMs = Math.max(1_000, endHintMs, ...events.map((event) => event.atMs));
  const dockerStatus = events.some(
    (event) =>
      event.type === "status-change" || (event.type === "probe-end" && event.probe === "healthcheck"),
  );
  const marks: Mark[] = [...statusBand(events, endMs, dockerStatus), ...probeSpans(events, endMs)];
  events.forEach((event, index) => {
    const point = eventMark(event);
    if (point)
      marks.push({ id: `e${index}`, lane: EVENTS_LANE, atMs: event.atMs, events: [index], ...point });
  });

  const probeLanes = [
    ...new Set(
      events.flatMap((event) =>
        event.type === "probe-end" || event.type === "probe-start" ? [event.probe] : [],
      ),
    ),
  ];
  const lanes: Lane[] = [
    { id: STATUS_LANE, label: dockerStatus ? "Health status" : "Pod readiness", kind: "band" },
    ...probeLanes.map((probe): Lane => ({ id: probe, label: PROBE_LANE_LABEL[probe], kind: "marks" })),
    { id: EVENTS_LANE, label: "Container, traffic", kind: "marks" },
  ];
  const probes = events.filter((event) => event.type === "probe-end");
  const failed = probes.filter((event) => !event.success && !event.timedOut).length;
  const timedOut = probes.filter((event) => event.timedOut).length;
  const faults = windows.map((window) => window.label).join("; ");
  return {
    summary:
      `${probes.length} probes (${failed} failed, ${timedOut} timed out)` +
      (faults ? `; faults: ${faults}` : "; no faults injected"),
    endMs,
    lanes,
    marks,
    windows: windows.map((window) => ({ ...window, toMs: Math.min(window.toMs, endMs) })),
    area: null,
    table: markTable("Health run, event by event", lanes, marks, windows),
    notes: [],
  };
}

function statusBand(events: readonly TimelineEvent[], endMs: number, docker: boolean): Mark[] {
  const marks: Mark[] = [];
  let state: State = null;
  let since = 0;
  let cause = -1;
  const close = (atMs: number) => {
    if (state && atMs > since)
      marks.push({
        id: `band${marks.length}`,
        lane: STATUS_LANE,
        atMs: since,
        toMs: atMs,
        tone: state.tone,
        label: state.name,
        events: cause >= 0 ? [cause] : [],
      });
  };
  const enter = (next: State, atMs: number, index: number) => {
    if (next?.name === state?.name) return;
    close(atMs);
    state = next;
    since = atMs;
    cause = index;
  };
  events.forEach((event, index) => {
    const next = nextState(event, docker);
    if (next !== undefined) enter(next, event.atMs, index);
  });
  close(endMs);
  return marks;
}

const STATUS: Record<HealthStatus, Tone> = { starting: "starting", healthy: "ok", unhealthy: "bad" };

/** The band's state after an event; undefined when the event does not change it. */
function nextState(event: TimelineEvent, docker: boolean): State | undefined {
  switch (event.type) {
    case "container-start":
      return { tone: "starting", name: "starting" };
    case "container-exit":
    case "container-stop":
      return null;
    case "status-change":
      return { tone: STATUS[event.to], name: event.to };
    case "endpoint-added":
      return docker ? undefined : { tone: "ok", name: "ready (in the Service)" };
    case "endpoint-removed":
      return docker ? undefined : { tone: "bad", name: "not ready (out of the Service)" };
    default:
      return undefined;
  }
}

function probeSpans(events: readonly TimelineEvent[], endMs: number): Mark[] {
  const marks: Mark[] = [];
  const open = new Map<string, number>();
  events.forEach((event, index) => {
    if (event.type === "probe-start")
      open.set(`${event.container}/${event.probe}/${event.probeNumber}`, index);
    if (event.type === "request")
      marks.push({
        id: `req${event.requestNumber}`,
        lane: "request",
        atMs: event.startedAtMs,
        toMs: event.atMs,
        tone: event.status === 200 ? "ok" : event.status === 504 ? "slow" : "bad",
        label: `request ${event.requestNumber}: ${event.status} after ${event.attempts.length} attempt(s)`,
        events: [index],
      });
    if (event.type !== "probe-end") return;
    const key = `${event.container}/${event.probe}/${event.probeNumber}`;
    const start = open.get(key);
    open.delete(key);
    const verdict = event.timedOut
      ? `timed out after ${event.timeoutMs} ms`
      : `${event.success ? "passed" : `failed (exit ${event.exitCode})`} in ${event.durationMs} ms`;
    marks.push({
      id: `probe${index}`,
      lane: event.probe,
      atMs: event.startedAtMs,
      toMs: event.startedAtMs + event.durationMs,
      tone: event.timedOut ? "slow" : event.success ? "ok" : "bad",
      label: `${PROBE_LANE_LABEL[event.probe]} #${event.probeNumber} ${verdict}`,
      events: start === undefined ? [index] : [start, index],
    });
  });
  for (const [key, index] of open) {
    const event = events[index]!;
    marks.push({
      id: `open${index}`,
      lane: key.split("/")[1]!,
      atMs: event.atMs,
      toMs: endMs,
      tone: "neutral",
      label: `${key.split("/")[1]} probe still waiting when the run ended`,
      events: [index],
    });
  }
  return marks;
}

type Point = { tone: Tone; glyph: Glyph; label: string };

function eventMark(event: TimelineEvent): Point | null {
  switch (event.type) {
    case "container-start": {
      const glyph: Glyph =
        event.reason === "restart" ? "restart" : event.reason === "replacement" ? "replace" : "start";
      return { tone: "neutral", glyph, label: `${event.container} started (${event.reason})` };
    }
    case "container-exit":
      return {
        tone: event.exitCode === 0 ? "neutral" : "bad",
        glyph: "exit",
        label: `${event.container} exited, code ${event.exitCode}`,
      };
    case "container-stop":
      return { tone: "bad", glyph: "stop", label: `${event.container} stopped: ${event.reason}` };
    case "restart":
      return {
        tone: "bad",
        glyph: "restart",
        label: `restart decided (${event.reason}), in ${event.delayMs} ms`,
      };
    case "unhealthy-ignored":
      return { tone: "bad", glyph: "note", label: "unhealthy, and nothing acts on it" };
    case "task-running":
      return { tone: "ok", glyph: "in", label: `task ${event.task} running` };
    case "task-failed":
      return { tone: "bad", glyph: "stop", label: `task ${event.task} failed: ${event.reason}` };
    case "task-replaced":
      return {
        tone: "neutral",
        glyph: "replace",
        label: `task ${event.oldTask} replaced by ${event.newTask}`,
      };
    case "startup-succeeded":
      return { tone: "ok", glyph: "note", label: "startup probe succeeded" };
    case "endpoint-added":
      return { tone: "ok", glyph: "in", label: `endpoint added: ${event.target}` };
    case "endpoint-removed":
      return { tone: "bad", glyph: "out", label: `endpoint removed: ${event.target}` };
    case "dependant-waiting":
      return { tone: "neutral", glyph: "note", label: `${event.dependant} waits for ${event.dependency}` };
    case "dependant-started":
      return { tone: "ok", glyph: "start", label: `${event.dependant} started` };
    case "dependant-failed":
      return { tone: "bad", glyph: "stop", label: `${event.dependant} failed: ${event.reason}` };
    default:
      return null;
  }
}
