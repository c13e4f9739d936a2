import type { ShutdownEvent } from "@/lib/sim/shutdown/types";
import { RULE_LANE, type ChartModel, type Lane, type Mark, type Tone } from "./chart-model";
import { markTable } from "./mark-table";

/** More request lanes than this and the chart keeps the ones that went wrong, then the earliest. */
export const MAX_REQUEST_LANES = 30;
const READY_LANE = "readiness";
const BALANCER_LANE = "balancer";
const PROCESS_LANE = "process";
const ELSEWHERE_LANE = "elsewhere";

/**
 * A shutdown as a chart: the readiness band, a process lane (preStop, event loop blocked, listener
 * closed, database closing), one lane per keep-alive connection and one per request (arrived, in
 * flight, then completed, dropped or refused), and rules across everything for the stop, the stop
 * signal, the grace deadline, SIGKILL and the exit.
 */
export function shutdownChart(events: readonly ShutdownEvent[]): ChartModel {
  const stop = events.find((event) => event.type === "stop-requested");
  const deadlineMs = stop ? stop.t + stop.gracePeriodMs : null;
  const endMs = Math.max(1_000, deadlineMs ?? 0, ...events.map((event) => event.t));
  const marks: Mark[] = [
    ...readinessBand(events, endMs),
    ...processSpans(events, endMs),
    ...rules(events, deadlineMs),
  ];
  const { lanes: requestLanes, marks: requestMarks, hidden } = requestsOf(events, endMs);
  marks.push(...requestMarks);

  const lanes: Lane[] = [
    { id: READY_LANE, label: "Readiness", kind: "band" },
    ...(marks.some((mark) => mark.lane === BALANCER_LANE)
      ? [{ id: BALANCER_LANE, label: "Load balancer", kind: "marks" } as const]
      : []),
    { id: PROCESS_LANE, label: "Process", kind: "marks" },
    ...requestLanes,
  ];
  if (marks.some((mark) => mark.lane === ELSEWHERE_LANE))
    lanes.push({ id: ELSEWHERE_LANE, label: "Sent elsewhere", kind: "marks" });
  const shown = new Set(lanes.map((lane) => lane.id).concat(RULE_LANE));
  const count = (glyph: string) => requestMarks.filter((mark) => mark.glyph === glyph).length;
  return {
    summary:
      `${count("done")} requests completed, ${count("drop")} dropped, ${count("refuse")} refused, ` +
      `${requestMarks.filter((mark) => mark.lane === ELSEWHERE_LANE).length} sent elsewhere`,
    endMs,
    lanes,
    marks: marks.filter((mark) => shown.has(mark.lane)),
    windows: [],
    area: null,
    table: markTable("Shutdown, event by event", [...lanes, ...hidden], marks, []),
    notes:
      hidden.length > 0
        ? [`${hidden.length} more requests that completed normally are not drawn; the data table lists them.`]
        : [],
  };
}

function readinessBand(events: readonly ShutdownEvent[], endMs: number): Mark[] {
  const marks: Mark[] = [];
  let ready = true;
  let since = 0;
  let cause: number[] = [];
  const close = (atMs: number) => {
    if (atMs > since)
      marks.push({
        id: `ready${marks.length}`,
        lane: READY_LANE,
        atMs: since,
        toMs: atMs,
        tone: ready ? "ok" : "bad",
        label: ready
          ? "ready: the readiness endpoint answers 200"
          : "not ready: the readiness endpoint answers 503",
        events: cause,
      });
  };
  events.forEach((event, index) => {
    if (event.type === "readiness-changed" && event.ready !== ready) {
      close(event.t);
      ready = event.ready;
      since = event.t;
      cause = [index];
    }
    if (event.type === "exit") {
      close(event.t);
      since = endMs;
    }
    const point = routingPoint(event);
    if (point)
      marks.push({ id: `route${index}`, lane: BALANCER_LANE, atMs: event.t, events: [index], ...point });
  });
  close(endMs);
  return marks;
}

function routingPoint(event: ShutdownEvent): Pick<Mark, "tone" | "glyph" | "label"> | null {
  switch (event.type) {
    case "endpoint-removed":
      return { tone: "bad", glyph: "out", label: "endpoint removed" };
    case "routing-stopped":
      return {
        tone: "bad",
        glyph: "out",
        label: `the balancer stops sending new connections (${event.cause})`,
      };
    case "routing-resumed":
      return { tone: "ok", glyph: "in", label: "the balancer sends new connections again" };
    case "lb-probe":
      return {
        tone: event.ok ? "ok" : "bad",
        glyph: "note",
        label: event.ok
          ? "balancer readiness poll: OK"
          : `balancer readiness poll failed (${event.failures} in a row)`,
      };
    default:
      return null;
  }
}

const SPANS = [
  { from: "prestop-started", to: "prestop-finished", tone: "neutral", label: "preStop hook runs" },
  { from: "blocked", to: "unblocked", tone: "slow", label: "event loop blocked: nothing else runs" },
  { from: "db-close-started", to: "db-closed", tone: "neutral", label: "closing the database pool" },
] as const;

function processSpans(events: readonly ShutdownEvent[], endMs: number): Mark[] {
  const marks: Mark[] = [];
  for (const span of SPANS) {
    events.forEach((event, index) => {
      if (event.type !== span.from) return;
      const end = events.findIndex((other, at) => at > index && other.type === span.to);
      marks.push({
        id: `${span.from}${index}`,
        lane: PROCESS_LANE,
        atMs: event.t,
        toMs: end >= 0 ? events[end]!.t : endMs,
        tone: span.tone,
        label: span.label,
        events: end >= 0 ? [index, end] : [index],
      });
    });
  }
  events.forEach((event, index) => {
    const point: Pick<Mark, "tone" | "glyph" | "label"> | null =
      event.type === "listener-closed"
        ? { tone: "neutral", glyph: "stop", label: "listener closed: new connections are refused" }
        : event.type === "uncaught-exception"
          ? { tone: "bad", glyph: "drop", label: `uncaught exception: ${event.message}` }
          : event.type === "signal-received"
            ? {
                tone: event.outcome === "handler" ? "ok" : "bad",
                glyph: "note",
                label: `${event.signal}: ${event.outcome}`,
              }
            : event.type === "app-log"
              ? { tone: "neutral", glyph: "note", label: `console: ${event.message}` }
              : null;
    if (point) marks.push({ id: `p${index}`, lane: PROCESS_LANE, atMs: event.t, events: [index], ...point });
  });
  return marks;
}

function rules(events: readonly ShutdownEvent[], deadlineMs: number | null): Mark[] {
  const marks: Mark[] = [];
  events.forEach((event, index) => {
    const rule = (tone: Tone, label: string) =>
      marks.push({ id: `rule${index}`, lane: RULE_LANE, atMs: event.t, tone, label, events: [index] });
    if (event.type === "stop-requested") rule("signal", `stop requested (${event.platform})`);
    if (event.type === "signal-sent")
      rule(event.signal === "SIGKILL" ? "bad" : "signal", `${event.signal} sent to ${event.to}`);
    if (event.type === "exit") rule(event.code === 0 ? "ok" : "bad", `exit ${event.code}`);
  });
  if (deadlineMs !== null)
    marks.push({
      id: "deadline",
      lane: RULE_LANE,
      atMs: deadlineMs,
      tone: "signal",
      dashed: true,
      label: "grace period ends: SIGKILL is due",
      events: [],
    });
  return marks;
}

type Flight = { id: string; connection: string | null; arrived: number; end: number | null };

function requestsOf(events: readonly ShutdownEvent[], endMs: number) {
  const flights = new Map<string, Flight>();
  const marks: Mark[] = [];
  const connections = new Map<string, { opened: number; closed: number | null; requests: string[] }>();
  events.forEach((event, index) => {
    if (event.type === "request-arrived") {
      flights.set(event.requestId, {
        id: event.requestId,
        connection: event.connection,
        arrived: index,
        end: null,
      });
      if (event.connection) {
        const connection = connections.get(event.connection) ?? { opened: index, closed: null, requests: [] };
        connection.requests.push(event.requestId);
        connections.set(event.connection, connection);
      }
    }
    if (event.type === "request-completed" || event.type === "request-dropped") {
      const flight = flights.get(event.requestId);
      if (flight) flight.end = index;
    }
    if (event.type === "connection-closed") {
      const connection = connections.get(event.connection);
      if (connection) connection.closed = index;
    }
    if (event.type === "request-refused")
      marks.push({
        id: `req-${event.requestId}`,
        lane: `req-${event.requestId}`,
        atMs: event.t,
        tone: "bad",
        glyph: "refuse",
        label: `request ${event.requestId} refused (${event.cause})`,
        events: [index],
      });
    if (event.type === "request-rerouted")
      marks.push({
        id: `re-${event.requestId}`,
        lane: ELSEWHERE_LANE,
        atMs: event.t,
        tone: "neutral",
        glyph: "arrive",
        label: `request ${event.requestId} sent to another replica (${event.cause})`,
        events: [index],
      });
  });
  for (const flight of flights.values()) {
    const end = flight.end === null ? null : events[flight.end]!;
    const dropped = end?.type === "request-dropped";
    marks.push({
      id: `req-${flight.id}`,
      lane: `req-${flight.id}`,
      atMs: events[flight.arrived]!.t,
      toMs: end ? end.t : endMs,
      tone: end === null ? "neutral" : dropped ? "bad" : "ok",
      glyph: end === null ? undefined : dropped ? "drop" : "done",
      label:
        `request ${flight.id}${flight.connection ? ` on keep-alive ${flight.connection}` : ""}: ` +
        (end === null ? "still in flight at the end" : dropped ? `dropped (${end.cause})` : "completed"),
      events: flight.end === null ? [flight.arrived] : [flight.arrived, flight.end],
    });
  }
  for (const [name, connection] of connections) {
    const closed = connection.closed === null ? null : events[connection.closed]!;
    marks.push({
      id: `conn-${name}`,
      lane: `conn-${name}`,
      atMs: events[connection.opened]!.t,
      toMs: closed ? closed.t : endMs,
      tone: "neutral",
      glyph: closed ? "stop" : undefined,
      label:
        `keep-alive connection ${name} (${connection.requests.join(", ")}): ` +
        (closed?.type === "connection-closed" ? `closed (${closed.reason})` : "open to the end"),
      events: connection.closed === null ? [connection.opened] : [connection.opened, connection.closed],
    });
  }
  return { ...requestLanes(marks, connections), marks };
}

/** Lanes in order of arrival; a keep-alive connection's lane sits just above its first request. */
function requestLanes(marks: readonly Mark[], connections: Map<string, { requests: string[] }>) {
  const requests = marks.filter((mark) => mark.lane.startsWith("req-")).sort((a, b) => a.atMs - b.atMs);
  const troubled = requests.filter((mark) => mark.tone !== "ok");
  const keep = new Set(
    [...troubled, ...requests.filter((mark) => mark.tone === "ok")]
      .slice(0, MAX_REQUEST_LANES)
      .map((mark) => mark.lane),
  );
  const lanes: Lane[] = [];
  const hidden: Lane[] = [];
  const placed = new Set<string>();
  for (const mark of requests) {
    const id = mark.lane.slice(4);
    const connection = [...connections].find(([, value]) => value.requests.includes(id))?.[0];
    const lane: Lane = { id: mark.lane, label: `req ${id}`, kind: "marks" };
    if (!keep.has(mark.lane)) {
      hidden.push(lane);
      continue;
    }
    if (connection && !placed.has(connection)) {
      placed.add(connection);
      lanes.push({ id: `conn-${connection}`, label: `keep-alive ${connection}`, kind: "marks" });
    }
    lanes.push(lane);
  }
  return { lanes, hidden };
}
