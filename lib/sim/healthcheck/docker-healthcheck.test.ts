import { describe, expect, it } from "vitest";
import { narrate } from "./narrate";
import { resolveHealthcheck, type HealthcheckOptions } from "./options";
import { alwaysFailing, alwaysHealthy, hangsFrom, healthyAfterBoot, scripted, slowResponses } from "./probes";
import { simulate } from "./simulate";
import { eventsOfType } from "./timeline-queries";
import type { ProbeProgram, Timeline } from "./types";

function run(
  healthcheck: HealthcheckOptions,
  program: ProbeProgram,
  durationMs: number,
  engineVersion?: number,
) {
  return simulate({ platform: "docker", durationMs, healthcheck, engineVersion }, program);
}

/** [started, ended, exit code, counted, failing streak] per probe, times in seconds. */
function probes(timeline: Timeline) {
  return eventsOfType(timeline.events, "probe-end").map((probe) => [
    probe.startedAtMs / 1000,
    probe.atMs / 1000,
    probe.exitCode,
    probe.counted,
    probe.streak,
  ]);
}

/** [time in seconds, new status] for every status change reported by a probe. */
function statuses(timeline: Timeline) {
  return eventsOfType(timeline.events, "status-change").map((change) => [change.atMs / 1000, change.to]);
}

const ok = { exitCode: 0, durationMs: 0, output: "OK" };
const fail = { exitCode: 1, durationMs: 0, output: "HTTP 500" };

describe("the course's worked example", () => {
  // interval 10s, timeout 3s, start-period 30s, start-interval 5s, retries 3, Engine 27;
  // the app listens from t=8s and hangs from t=64s.
  // 0+5 (starting, inside start period → start-interval) = 5: refused, started 5 < 30 → not counted.
  // 5+5 = 10: listening → healthy. Healthy → gap is interval: 20, 30, 40, 50, 60 succeed.
  // 70: hangs → killed at 70+3 = 73, streak 1. 73+10 = 83 → 86, streak 2. 86+10 = 96 → 99, streak 3 = retries → unhealthy.
  const timeline = run(
    { intervalMs: 10_000, timeoutMs: 3_000, startPeriodMs: 30_000, startIntervalMs: 5_000, retries: 3 },
    hangsFrom(64_000, healthyAfterBoot(8_000)),
    99_000,
  );

  it("produces exactly the probes and status changes of the lesson", () => {
    expect(probes(timeline)).toEqual([
      [5, 5, 1, false, 0],
      [10, 10, 0, true, 0],
      [20, 20, 0, true, 0],
      [30, 30, 0, true, 0],
      [40, 40, 0, true, 0],
      [50, 50, 0, true, 0],
      [60, 60, 0, true, 0],
      [70, 73, -1, true, 1],
      [83, 86, -1, true, 2],
      [96, 99, -1, true, 3],
    ]);
    expect(statuses(timeline)).toEqual([
      [10, "healthy"],
      [99, "unhealthy"],
    ]);
    expect(timeline.summary).toMatchObject({
      timeToFirstHealthyMs: 10_000,
      timeToUnhealthyMs: 99_000,
      restarts: 0,
    });
  });

  it("narrates the first timeout", () => {
    const timeout = eventsOfType(timeline.events, "probe-end").find((probe) => probe.timedOut)!;
    expect(narrate(timeout)).toBe("t=73s: probe 8 timed out after 3s (exit −1); failing streak 1 of 3");
    expect(timeout.output).toBe("Health check exceeded timeout (3s)");
  });
});

describe("Docker defaults", () => {
  it("resolves to interval 30s, timeout 30s, start period 0s, start interval 5s, retries 3", () => {
    expect(resolveHealthcheck()).toEqual({
      intervalMs: 30_000,
      timeoutMs: 30_000,
      startPeriodMs: 0,
      startIntervalMs: 5_000,
      retries: 3,
    });
  });

  it("probes every 30s and turns unhealthy on the third failure", () => {
    // Start period 0 → never inside it → gap = interval 30: probes at 30, 60, 90; streak 3 at 90.
    const timeline = run({}, alwaysFailing(), 100_000);
    expect(probes(timeline)).toEqual([
      [30, 30, 1, true, 1],
      [60, 60, 1, true, 2],
      [90, 90, 1, true, 3],
    ]);
    expect(statuses(timeline)).toEqual([[90, "unhealthy"]]);
  });

  it("kills a hanging probe after the default 30s timeout", () => {
    // 30 → killed at 60; next 60+30 = 90 → 120; 150 → 180: third failure → unhealthy at 180.
    const timeline = run({}, hangsFrom(0, alwaysHealthy()), 180_000);
    expect(probes(timeline).map(([start, end, , , streak]) => [start, end, streak])).toEqual([
      [30, 60, 1],
      [90, 120, 2],
      [150, 180, 3],
    ]);
    expect(statuses(timeline)).toEqual([[180, "unhealthy"]]);
  });

  it("reads 0 as 'use the image's value, else the default'", () => {
    // interval: run 0 → image 5s. timeout: run 0, image 0 → default 30s. retries: run 0, image 2 → 2.
    const resolved = resolveHealthcheck(
      { intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 1_000 },
      { image: { intervalMs: 5_000, timeoutMs: 0, retries: 2 } },
    );
    expect(resolved).toEqual({
      intervalMs: 5_000,
      timeoutMs: 30_000,
      startPeriodMs: 1_000,
      startIntervalMs: 5_000,
      retries: 2,
    });
  });

  it("rejects negative durations", () => {
    expect(() => resolveHealthcheck({ intervalMs: -1 })).toThrow(RangeError);
  });
});

describe("the start period", () => {
  it("ignores failures while starting, then counts from the first probe that starts after it", () => {
    // start period 30, start interval 5, interval 10. Probes at 5, 10, 15, 20, 25 start < 30 → not counted.
    // After 25 (sinceStart 25 < 30, still starting) the gap is 5 → 30: started 30 − 0 = 30, not < 30 → counted.
    // From then on the gap is the interval: 40 (2), 50 (3) → unhealthy at 50.
    const timeline = run(
      { intervalMs: 10_000, startPeriodMs: 30_000, startIntervalMs: 5_000 },
      alwaysFailing(),
      55_000,
    );
    expect(probes(timeline).map(([start, , , counted, streak]) => [start, counted, streak])).toEqual([
      [5, false, 0],
      [10, false, 0],
      [15, false, 0],
      [20, false, 0],
      [25, false, 0],
      [30, true, 1],
      [40, true, 2],
      [50, true, 3],
    ]);
    expect(statuses(timeline)).toEqual([[50, "unhealthy"]]);
  });

  it("a success inside the start period makes the container healthy at once", () => {
    // start period 60, start interval 5: 5 and 10 refused (boot 12s), 15 succeeds → healthy at 15, 45s early.
    // Healthy → the gap is the interval (30) even inside the start period: next probe at 45.
    const timeline = run(
      { intervalMs: 30_000, startPeriodMs: 60_000, startIntervalMs: 5_000 },
      healthyAfterBoot(12_000),
      50_000,
    );
    expect(probes(timeline).map(([start, , exitCode]) => [start, exitCode])).toEqual([
      [5, 1],
      [10, 1],
      [15, 0],
      [45, 0],
    ]);
    expect(statuses(timeline)).toEqual([[15, "healthy"]]);
  });

  it("after the first success every failure counts, even inside the start-period window", () => {
    // start period 60: probe at 5 succeeds → healthy; gap 10 → 15, 25, 35 fail, all counted → unhealthy at 35 < 60.
    const timeline = run(
      { intervalMs: 10_000, startPeriodMs: 60_000, startIntervalMs: 5_000 },
      scripted([ok], alwaysFailing()),
      40_000,
    );
    expect(probes(timeline).map(([start, , , counted, streak]) => [start, counted, streak])).toEqual([
      [5, true, 0],
      [15, true, 1],
      [25, true, 2],
      [35, true, 3],
    ]);
    expect(statuses(timeline)).toEqual([
      [5, "healthy"],
      [35, "unhealthy"],
    ]);
  });
});

describe("start-interval by engine version", () => {
  // interval 30, start period 60, container starting: the first gap is the start interval.
  it.each([
    [27, undefined, 5], // unset → 5s from Engine 27
    [26, undefined, 30], // unset → falls back to the interval in Engine 25–26
    [25, undefined, 30],
    [25, 2_000, 2], // set → used from Engine 25
    [24, 2_000, 30], // before Engine 25 the option does not exist
  ])(
    "Engine %i with start-interval %s: first probe at %is",
    (engineVersion, startIntervalMs, firstProbeS) => {
      const timeline = run(
        { intervalMs: 30_000, startPeriodMs: 60_000, startIntervalMs },
        alwaysHealthy(),
        40_000,
        engineVersion,
      );
      expect(probes(timeline)[0]?.[0]).toBe(firstProbeS);
    },
  );

  it("uses the interval when there is no start period, even with a start interval", () => {
    // start period 0 → never inside it → first probe one interval (30s) after start.
    const timeline = run({ intervalMs: 30_000, startIntervalMs: 2_000 }, alwaysHealthy(), 40_000);
    expect(probes(timeline)[0]?.[0]).toBe(30);
  });
});

describe("scheduling and results", () => {
  it("schedules each probe one interval after the previous one completes", () => {
    // Each probe takes 4s: 10 → 14, 14+10 = 24 → 28, 38 → 42, 52 → 56.
    const timeline = run({ intervalMs: 10_000 }, slowResponses(4_000, alwaysHealthy()), 60_000);
    expect(probes(timeline).map(([start, end]) => [start, end])).toEqual([
      [10, 14],
      [24, 28],
      [38, 42],
      [52, 56],
    ]);
  });

  it("kills a probe at the timeout: exit −1, Docker's message, counted as a failure", () => {
    // timeout 3: 10 → 13 (streak 1), 23 → 26 (2), 36 → 39 (3) → unhealthy at 39.
    const program: ProbeProgram = () => ({ exitCode: 0, durationMs: Infinity, output: "partial" });
    const timeline = run({ intervalMs: 10_000, timeoutMs: 3_000 }, program, 40_000);
    expect(probes(timeline)).toEqual([
      [10, 13, -1, true, 1],
      [23, 26, -1, true, 2],
      [36, 39, -1, true, 3],
    ]);
    expect(eventsOfType(timeline.events, "probe-end")[0]?.output).toBe(
      "Health check exceeded timeout (3s): partial",
    );
    expect(statuses(timeline)).toEqual([[39, "unhealthy"]]);
  });

  it("treats a probe that needs exactly the timeout as timed out, and one 1 ms faster as finished", () => {
    const exactly = run(
      { intervalMs: 10_000, timeoutMs: 3_000 },
      slowResponses(3_000, alwaysHealthy()),
      20_000,
    );
    const faster = run(
      { intervalMs: 10_000, timeoutMs: 3_000 },
      slowResponses(2_999, alwaysHealthy()),
      20_000,
    );
    expect(probes(exactly)[0]).toEqual([10, 13, -1, true, 1]);
    expect(probes(faster)[0]).toEqual([10, 12.999, 0, true, 0]);
  });

  it("counts exit code 2 as a failure like any non-zero code", () => {
    // interval 10: 10, 20, 30 exit 2 → streak 3 → unhealthy at 30.
    const timeline = run({ intervalMs: 10_000 }, alwaysFailing(2), 30_000);
    expect(probes(timeline)).toEqual([
      [10, 10, 2, true, 1],
      [20, 20, 2, true, 2],
      [30, 30, 2, true, 3],
    ]);
    expect(statuses(timeline)).toEqual([[30, "unhealthy"]]);
  });

  it.each([
    [0, 30],
    [-1, 30],
    [1, 10],
  ])("retries %i turns the container unhealthy at %is (≤ 0 means 3)", (retries, unhealthyAtS) => {
    const timeline = run({ intervalMs: 10_000, retries }, alwaysFailing(), 60_000);
    expect(statuses(timeline)[0]).toEqual([unhealthyAtS, "unhealthy"]);
  });

  it("resets the failing streak on every success", () => {
    // fail, fail, ok, fail, fail, ok at 10…60: streaks 1, 2, 0, 1, 2, 0; 3 is never reached.
    const timeline = run({ intervalMs: 10_000 }, scripted([fail, fail, ok, fail, fail, ok]), 60_000);
    expect(probes(timeline).map(([, , , , streak]) => streak)).toEqual([1, 2, 0, 1, 2, 0]);
    expect(statuses(timeline)).toEqual([[30, "healthy"]]);
  });

  it("keeps the last 5 results in the health log", () => {
    // 7 probes at 10…70; the log holds probes 3–7.
    const timeline = run({ intervalMs: 10_000, retries: 100 }, alwaysFailing(), 70_000);
    expect(timeline.health.web?.log.map((entry) => entry.startMs / 1000)).toEqual([30, 40, 50, 60, 70]);
  });

  it("caps the stored output at 4096 bytes and marks the cut", () => {
    const program: ProbeProgram = () => ({ exitCode: 1, durationMs: 0, output: "x".repeat(5000) });
    const timeline = run({ intervalMs: 10_000 }, program, 10_000);
    expect(timeline.health.web?.log[0]?.output).toBe(`${"x".repeat(4096)}...`);
  });

  it("rejects a program result that is not a probe result", () => {
    expect(() => run({}, () => ({ exitCode: 0.5, durationMs: 0 }), 40_000)).toThrow(RangeError);
    expect(() => run({}, () => ({ exitCode: 0, durationMs: Number.NaN }), 40_000)).toThrow(RangeError);
  });

  it("gives the same timeline for the same inputs", () => {
    const once = () =>
      run({ intervalMs: 7_000, timeoutMs: 2_000 }, hangsFrom(50_000, healthyAfterBoot(3_000)), 300_000);
    expect(once()).toEqual(once());
  });
});
