import { describe, expect, it } from "vitest";
import { formatSeconds, narrate, narrateTimeline } from "./narrate";
import type { ShutdownProgram } from "./program-types";
import { ABC, simulate } from "./test-fixtures";
import type { ShutdownEvent, ShutdownEventType } from "./types";

const ALL_TYPES: readonly ShutdownEventType[] = [
  "stop-requested",
  "endpoint-removed",
  "prestop-started",
  "prestop-finished",
  "signal-sent",
  "signal-received",
  "app-log",
  "readiness-changed",
  "connection-close-header",
  "timer-set",
  "timer-fired",
  "timer-cleared",
  "blocked",
  "unblocked",
  "listener-closed",
  "server-close-failed",
  "close-idle-called",
  "close-all-called",
  "connection-closed",
  "server-closed",
  "db-close-started",
  "db-closed",
  "request-arrived",
  "request-completed",
  "request-dropped",
  "request-refused",
  "request-rerouted",
  "lb-probe",
  "routing-stopped",
  "routing-resumed",
  "uncaught-exception",
  "exit",
];

/** A program that touches every part of the API, to produce every kind of event. */
const everything: ShutdownProgram = {
  name: "kitchen sink",
  listensTo: ["SIGTERM"],
  onSignal(_signal, api) {
    api.setReady(false);
    api.setConnectionClose(true);
    api.log("draining");
    api.clearTimeout(api.setTimeout(() => {}, 100));
    api.block(500, () => {
      api.closeIdleConnections();
      api.closeServer(() => api.closeDb(() => api.closeServer(() => api.setTimeout(() => api.exit(0), 10))));
      api.setTimeout(() => api.closeAllConnections(), 2_500);
    });
  },
};

function coveringEvents(): ShutdownEvent[] {
  return [
    ...simulate(
      {
        platform: { kind: "kubernetes", preStopMs: 1_000 },
        routing: { endpointRemovalDelayMs: 6_000, readinessProbe: { periodMs: 1_000, failureThreshold: 1 } },
        requests: [
          { id: "k", atMs: 0, durationMs: 100, connection: "pool" },
          { id: "long", atMs: 0, durationMs: 60_000 },
          { id: "late", atMs: 2_000, durationMs: 10 },
          { id: "later", atMs: 3_000, durationMs: 10 },
          { id: "last", atMs: 7_000, durationMs: 10 },
        ],
      },
      everything,
    ).events,
    ...simulate(
      { routing: { readinessProbe: { periodMs: 1_000, failureThreshold: 1 } } },
      {
        name: "readiness flaps",
        listensTo: ["SIGTERM"],
        onSignal(_signal, api) {
          api.setReady(false);
          api.setTimeout(() => api.setReady(true), 1_500);
        },
      },
    ).events,
    ...simulate(
      { requests: ABC },
      {
        name: "throws",
        listensTo: ["SIGTERM"],
        onSignal() {
          throw new Error("boom");
        },
      },
    ).events,
  ];
}

describe("narration", () => {
  it("gives every kind of event one plain sentence", () => {
    const events = coveringEvents();
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(ALL_TYPES));
    // One sentence: "At <time>, …." with no sentence break inside (method names like server.close() are fine).
    for (const event of events) expect(narrate(event)).toMatch(/^At \d+(\.\d+)? s, (?!.*\. ).+\.$/);
  });

  it("tells the --init row of the worked timeline", () => {
    const run = simulate({ launch: "init", requests: ABC.slice(0, 1) }, { builtin: "no-handler" });
    expect(narrateTimeline(run.events)).toEqual([
      "At 0 s, request A arrives on a new connection.",
      "At 0 s, docker stop begins stopping the container (stop signal SIGTERM, grace period 10 s).",
      "At 0 s, SIGTERM is sent to tini, PID 1 of the container.",
      "At 0 s, tini forwards SIGTERM to Node, which has no handler and dies of it at once.",
      "At 0 s, request A is cut off as Node dies of the signal.",
      "At 0 s, the container exits with code 143 (128 + 15: killed by SIGTERM).",
    ]);
  });

  it("formats times in seconds", () => {
    expect([0, 2_000, 12_100, 1_234].map(formatSeconds)).toEqual(["0 s", "2 s", "12.1 s", "1.234 s"]);
  });
});
