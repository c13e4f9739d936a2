import { describe, expect, it } from "vitest";
import { alwaysFailing, alwaysHealthy, failsBetween, hangsFrom } from "./probes";
import { simulate } from "./simulate";
import { eventsOfType } from "./timeline-queries";
import type { Timeline } from "./types";

/** [request start in s, status, "server outcome" per attempt]. */
const requests = (timeline: Timeline) =>
  eventsOfType(timeline.events, "request").map((request) => [
    request.startedAtMs / 1000,
    request.status,
    request.attempts.map((attempt) => `${attempt.server} ${attempt.outcome}`).join(", "),
  ]);

const endpoints = (timeline: Timeline) =>
  timeline.events
    .filter((event) => event.type === "endpoint-added" || event.type === "endpoint-removed")
    .map((event) => [event.atMs / 1000, event.type, "target" in event ? event.target : ""]);

describe("nginx passive checks", () => {
  it("marks a server unavailable for fail_timeout after max_fails (defaults 1 and 10s) and sends requests elsewhere", () => {
    // Two servers, weight 1; b refuses connections in [0, 5s). One request per second.
    // Smooth weighted round robin (current weights a/b): 0: a (1,1 → a −1). 1: b (0,2 → b 0); b fails →
    // fails 1 = max_fails → out until 1 + 10 = 11; effective weight 0; the request goes on to a.
    // 2…10: a only. 11: b is back, but its effective weight is 0, so a wins (a 1, b 0; b's weight recovers to 1).
    // 12: tie 1/1 → a (first wins). 13: a 0, b 2 → b, ≥ 10s after its failure → new window; it succeeds → fails 0.
    // 14: a, 15: b.
    const timeline = simulate(
      {
        platform: "nginx",
        durationMs: 15_500,
        servers: [{ name: "a" }, { name: "b", program: failsBetween(0, 5_000, alwaysHealthy()) }],
        requests: { everyMs: 1_000 },
      },
      alwaysHealthy(),
    );
    expect(requests(timeline)).toEqual([
      [0, 200, "a ok"],
      [1, 200, "b error, a ok"],
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((second) => [second, 200, "a ok"]),
      [13, 200, "b ok"],
      [14, 200, "a ok"],
      [15, 200, "b ok"],
    ]);
    expect(endpoints(timeline)).toEqual([
      [1, "endpoint-removed", "b"],
      [11, "endpoint-added", "b"],
    ]);
    expect(timeline.summary).toMatchObject({ requests: 16, failedRequests: 0, retriedRequests: 1 });
  });

  it("needs max_fails failures within fail_timeout before skipping a server", () => {
    // max_fails 3: weight 1 / 3 rounds to 0, so b keeps its weight and alternation continues:
    // 0 a; 1 b fails (1) → a; 2 a; 3 b fails (2) → a; 4 a; 5 b fails (3) → out until 15 → a; 6…7 a.
    const timeline = simulate(
      {
        platform: "nginx",
        durationMs: 7_500,
        servers: [{ name: "a" }, { name: "b", maxFails: 3, program: alwaysFailing() }],
        requests: { everyMs: 1_000 },
      },
      alwaysHealthy(),
    );
    expect(requests(timeline).map(([second, , path]) => [second, path])).toEqual([
      [0, "a ok"],
      [1, "b error, a ok"],
      [2, "a ok"],
      [3, "b error, a ok"],
      [4, "a ok"],
      [5, "b error, a ok"],
      [6, "a ok"],
      [7, "a ok"],
    ]);
    expect(endpoints(timeline)).toEqual([[5, "endpoint-removed", "b"]]);
  });

  it("passes a timed-out request to the next server after proxy timeout", () => {
    // Proxy timeout 2s; b hangs. 0: a. 1: b (a 0, b 2) hangs → times out at 3 → b out → passed on to a, which answers at 3 (no 504).
    // 2: a (tie 1/1). 3: b's failure was scheduled first, so at 3 only a is left → a.
    const timeline = simulate(
      {
        platform: "nginx",
        durationMs: 3_500,
        servers: [{ name: "a" }, { name: "b", program: hangsFrom(0, alwaysHealthy()) }],
        requests: { everyMs: 1_000 },
        proxyTimeoutMs: 2_000,
      },
      alwaysHealthy(),
    );
    const second = eventsOfType(timeline.events, "request").find((request) => request.startedAtMs === 1_000);
    expect(second?.attempts).toEqual([
      { server: "b", startedAtMs: 1_000, endedAtMs: 3_000, outcome: "timeout" },
      { server: "a", startedAtMs: 3_000, endedAtMs: 3_000, outcome: "ok" },
    ]);
    expect(requests(timeline).map(([start, , path]) => [start, path])).toEqual([
      [0, "a ok"],
      [2, "a ok"],
      [1, "b timeout, a ok"],
      [3, "a ok"],
    ]);
  });

  it("answers 502 when every server failed, then 'no live upstreams' while all are out", () => {
    // 0: a fails → out; b fails → out; no server left → 502 after 2 attempts. 1: nothing to try → 502.
    const timeline = simulate(
      {
        platform: "nginx",
        durationMs: 1_000,
        servers: [{ name: "a" }, { name: "b" }],
        requests: { everyMs: 1_000 },
      },
      alwaysFailing(),
    );
    expect(requests(timeline)).toEqual([
      [0, 502, "a error, b error"],
      [1, 502, ""],
    ]);
  });

  it("never takes the only server of an upstream out of rotation", () => {
    const timeline = simulate(
      { platform: "nginx", durationMs: 2_000, servers: [{ name: "a" }], requests: { everyMs: 1_000 } },
      alwaysFailing(),
    );
    expect(requests(timeline)).toEqual([
      [0, 502, "a error"],
      [1, 502, "a error"],
      [2, 502, "a error"],
    ]);
    expect(endpoints(timeline)).toEqual([]);
  });
});
