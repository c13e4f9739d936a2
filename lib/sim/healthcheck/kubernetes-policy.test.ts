import { describe, expect, it } from "vitest";
import { nextCrashLoopDelay, INITIAL_CRASH_LOOP_BACKOFF, resolveKubernetesProbe } from "./kubernetes-options";
import {
  alwaysFailing,
  alwaysHealthy,
  failsBetween,
  hangsFrom,
  healthyAfterBoot,
  slowResponses,
} from "./probes";
import { simulate } from "./simulate";
import { eventsOfType } from "./timeline-queries";
import type { Timeline } from "./types";

const probeEnds = (timeline: Timeline, probe: string) =>
  eventsOfType(timeline.events, "probe-end")
    .filter((event) => event.probe === probe)
    .map((event) => [event.startedAtMs / 1000, event.atMs / 1000, event.success, event.streak]);

const endpoints = (timeline: Timeline) =>
  timeline.events
    .filter((event) => event.type === "endpoint-added" || event.type === "endpoint-removed")
    .map((event) => [event.atMs / 1000, event.type]);

describe("Kubernetes probe defaults", () => {
  it("are initialDelay 0, period 10s, timeout 1s, success 1, failure 3; 0 means the default", () => {
    const expected = {
      initialDelayMs: 0,
      periodMs: 10_000,
      timeoutMs: 1_000,
      successThreshold: 1,
      failureThreshold: 3,
    };
    expect(resolveKubernetesProbe("liveness", {})).toEqual(expected);
    expect(resolveKubernetesProbe("readiness", { periodSeconds: 0, timeoutSeconds: 0 })).toEqual(expected);
  });

  it("refuses a successThreshold other than 1 for liveness and startup probes", () => {
    expect(() => resolveKubernetesProbe("liveness", { successThreshold: 2 })).toThrow(RangeError);
    expect(resolveKubernetesProbe("readiness", { successThreshold: 2 }).successThreshold).toBe(2);
  });

  it("counts a probe slower than the 1s timeout as a failure", () => {
    // Ticks at 10, 20, 30; each answer needs 1.5s → cut at +1s → failures 1, 2, 3 → restart at 31.
    const timeline = simulate(
      { platform: "kubernetes", durationMs: 31_000, livenessProbe: {} },
      slowResponses(1_500, alwaysHealthy()),
    );
    expect(probeEnds(timeline, "liveness")).toEqual([
      [10, 11, false, 1],
      [20, 21, false, 2],
      [30, 31, false, 3],
    ]);
    expect(eventsOfType(timeline.events, "restart").map((restart) => restart.atMs)).toEqual([31_000]);
  });
});

describe("Kubernetes liveness probe", () => {
  it("restarts the container after failureThreshold failures, with the crash-loop backoff", () => {
    // Period 10, timeout 1, threshold 3; the app hangs from t=64s (wall clock: the restart does not help).
    // Ticks 10…60 ok. 70 → 71, 80 → 81, 90 → 91: third failure → killed, first restart immediate → starts at 91.
    // The worker keeps its phase: 100 → 101, 110 → 111, 120 → 121 → killed; second restart waits 10s → 131.
    // The tick at 130 finds no container. 140 → 141, 150 → 151, 160 → 161 → killed; third restart waits 20s → 181.
    const timeline = simulate(
      { platform: "kubernetes", durationMs: 185_000, livenessProbe: {} },
      hangsFrom(64_000, alwaysHealthy()),
    );
    expect(
      eventsOfType(timeline.events, "restart").map((restart) => [restart.atMs, restart.delayMs]),
    ).toEqual([
      [91_000, 0],
      [121_000, 10_000],
      [161_000, 20_000],
    ]);
    expect(eventsOfType(timeline.events, "container-start").map((start) => start.atMs)).toEqual([
      0, 91_000, 131_000, 181_000,
    ]);
    expect(probeEnds(timeline, "liveness").slice(6, 9)).toEqual([
      [70, 71, false, 1],
      [80, 81, false, 2],
      [90, 91, false, 3],
    ]);
    expect(eventsOfType(timeline.events, "restart")[0]?.reason).toBe(
      "liveness probe failed 3 times in a row",
    );
  });

  it("backs off 0, 10, 20, 40 … 300s, and forgets after 10 quiet minutes", () => {
    let backoff = INITIAL_CRASH_LOOP_BACKOFF;
    const delays: number[] = [];
    for (const exitAtMs of [0, 1, 2, 3, 4, 5, 6, 7, 8, 19].map((minute) => minute * 60_000)) {
      const next = nextCrashLoopDelay(backoff, exitAtMs);
      backoff = next.backoff;
      delays.push(next.delayMs / 1000);
    }
    // Stops one minute apart keep doubling; the last comes 11 min after the previous one (> 10), so it restarts at once.
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300, 0]);
  });
});

describe("Kubernetes readiness probe", () => {
  it("removes a failing Pod from the endpoints without restarting it", () => {
    // Readiness fails for probes started in [30, 61). Ticks: 10 ok → Ready (added at 10); 20 ok;
    // 30, 40, 50 fail → third failure → not Ready (removed at 50); 60 fails (4 in a row, no change);
    // 70 ok → Ready again (added at 70). Liveness always passes: no restart.
    const timeline = simulate(
      {
        platform: "kubernetes",
        durationMs: 75_000,
        livenessProbe: { program: alwaysHealthy() },
        readinessProbe: {},
      },
      failsBetween(30_000, 61_000, alwaysHealthy()),
    );
    expect(endpoints(timeline)).toEqual([
      [10, "endpoint-added"],
      [50, "endpoint-removed"],
      [70, "endpoint-added"],
    ]);
    expect(
      probeEnds(timeline, "readiness").map(([start, , success, streak]) => [start, success, streak]),
    ).toEqual([
      [10, true, 1],
      [20, true, 2],
      [30, false, 1],
      [40, false, 2],
      [50, false, 3],
      [60, false, 4],
      [70, true, 1],
    ]);
    expect(timeline.summary).toMatchObject({ restarts: 0, timeToFirstReadyMs: 10_000, endpointRemovals: 1 });
  });
});

describe("Kubernetes startup probe", () => {
  it("holds liveness and readiness back until it succeeds", () => {
    // The app listens after 45s. Startup ticks 10, 20, 30, 40 fail (1…4 of 30), 50 ok → started at 50.
    // At 50 the liveness and readiness ticks run after the startup probe was launched but before its result,
    // so they skip; both first probe at 60, and readiness makes the Pod Ready at 60.
    const timeline = simulate(
      {
        platform: "kubernetes",
        durationMs: 65_000,
        startupProbe: { failureThreshold: 30 },
        livenessProbe: {},
        readinessProbe: {},
      },
      healthyAfterBoot(45_000),
    );
    expect(
      probeEnds(timeline, "startup").map(([start, , success, streak]) => [start, success, streak]),
    ).toEqual([
      [10, false, 1],
      [20, false, 2],
      [30, false, 3],
      [40, false, 4],
      [50, true, 1],
    ]);
    expect(eventsOfType(timeline.events, "startup-succeeded").map((event) => event.atMs)).toEqual([50_000]);
    expect(probeEnds(timeline, "liveness")).toEqual([[60, 60, true, 1]]);
    expect(probeEnds(timeline, "readiness")).toEqual([[60, 60, true, 1]]);
    expect(endpoints(timeline)).toEqual([[60, "endpoint-added"]]);
  });

  it("restarts the container when the startup probe runs out of attempts", () => {
    // Never listens: startup fails at 10, 20, 30 → third failure → killed, restarted at once (30).
    // Liveness never runs because the container never started.
    const timeline = simulate(
      { platform: "kubernetes", durationMs: 35_000, startupProbe: {}, livenessProbe: {} },
      alwaysFailing(),
    );
    expect(eventsOfType(timeline.events, "restart").map((restart) => [restart.atMs, restart.reason])).toEqual(
      [[30_000, "startup probe failed 3 times in a row"]],
    );
    expect(probeEnds(timeline, "liveness")).toEqual([]);
  });
});
