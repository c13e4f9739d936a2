import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import { eventsOf, sampleAt, secondsAtCapacity, secondsOf } from "./test-helpers";

// Versions: the old one drains in 2 s (default), the new one is healthy 10 s after it starts.

describe("Swarm update_config defaults (stop-first, parallelism 1, delay 0, monitor 5 s)", () => {
  it("replaces one task at a time: capacity dips by exactly one per slot", () => {
    const result = simulateRollout({ strategy: "swarm", replicas: 4 });
    // Slot k: SIGTERM at s, gone s+2, new task healthy s+12, next slot at once (delay 0).
    expect(secondsOf(result, "slot-update-started")).toEqual([0, 12, 24, 36]);
    expect(secondsOf(result, "instance-ready")).toEqual([12, 24, 36, 48]);
    expect(secondsAtCapacity(result)).toEqual({ 3: 48, 4: 5 });
    expect(result.summary).toMatchObject({ outcome: "completed", durationMs: 53_000, errors: 0 });
  });

  it("parallelism 2 with delay 10 s: two tasks at a time, then a 10 s pause", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 4,
      updateConfig: { parallelism: 2, delayMs: 10_000 },
    });
    expect(secondsOf(result, "instance-sigterm")).toEqual([0, 0, 22, 22]);
    expect(secondsOf(result, "instance-started")).toEqual([2, 2, 24, 24]);
    expect(secondsOf(result, "instance-ready")).toEqual([12, 12, 34, 34]);
    // 34 s RUNNING + 10 s delay + 5 s monitor.
    expect(result.summary).toMatchObject({ outcome: "completed", durationMs: 49_000, minCapacity: 2 });
    expect(secondsAtCapacity(result)).toEqual({ 2: 24, 4: 25 });
  });

  it("check yourself 1: 6 replicas, parallelism 2: stop-first serves 4; start-first keeps 6", () => {
    const stopFirst = simulateRollout({ strategy: "swarm", replicas: 6, updateConfig: { parallelism: 2 } });
    expect(stopFirst.summary.minCapacity).toBe(4);
    const startFirst = (delayMs: number) =>
      simulateRollout({
        strategy: "swarm",
        replicas: 6,
        updateConfig: { parallelism: 2, order: "start-first", delayMs },
      });
    // "Up to 8 containers" holds once old tasks have drained before the next pair starts; with
    // delay 0 the next pair starts while the previous two old tasks still drain (2 s): 10.
    expect(startFirst(10_000).summary).toMatchObject({ minCapacity: 6, maxInstances: 8, errors: 0 });
    expect(startFirst(0).summary).toMatchObject({ minCapacity: 6, maxInstances: 10, errors: 0 });
  });

  it("parallelism 0 updates every task at once: a 12 s outage", () => {
    const result = simulateRollout({ strategy: "swarm", replicas: 4, updateConfig: { parallelism: 0 } });
    expect(secondsAtCapacity(result)).toEqual({ 0: 12, 4: 5 });
    // Every request arriving in [0, 12 s) finds no task: 12 s × 50/s.
    expect(result.summary.errorsByCause["no-instance"]).toBe(600);
  });
});

describe("Swarm start-first", () => {
  it("never drops below N serving and loses no request", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 5,
      updateConfig: { order: "start-first" },
    });
    expect(result.samples.every((sample) => sample.capacity >= 5)).toBe(true);
    // N + the starting task + the previous old task still draining (delay 0).
    expect(result.summary).toMatchObject({ minCapacity: 5, maxInstances: 7, errors: 0 });
  });

  it("without a HEALTHCHECK, RUNNING means started: old tasks leave before the new ones listen", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 4,
      healthcheck: false,
      updateConfig: { order: "start-first" },
      newVersion: { startMs: 1_000, readyAfterMs: 5_000 },
    });
    // new-k is RUNNING at k s, so old-k is stopped at k s although new-k listens only at k+5 s.
    expect(secondsOf(result, "instance-sigterm")).toEqual([1, 2, 3, 4]);
    expect(sampleAt(result, 4).capacity).toBe(0);
    expect(result.summary.errorsByCause.refused).toBeGreaterThan(0);
  });
});

describe("Swarm failures, monitor and failure_action", () => {
  // Old tasks drain in 1 s; the broken image exits 3 s after starting, never healthy.
  const broken = {
    oldVersion: { shutdownMs: 1_000 },
    newVersion: { readyAfterMs: null, crashAfterMs: 3_000 },
  };

  it("failure_action pause: the first task failing before RUNNING pauses the update", () => {
    const result = simulateRollout({ strategy: "swarm", replicas: 4, ...broken, horizonMs: 20_000 });
    expect(eventsOf(result, "task-failure-counted")).toEqual([
      { at: 4_000, type: "task-failure-counted", id: "new-1", failures: 1, slots: 4 },
    ]);
    expect(eventsOf(result, "update-paused")).toEqual([
      {
        at: 4_000,
        type: "update-paused",
        reason: "update paused due to failure or early termination of task new-1",
      },
    ]);
    expect(secondsOf(result, "slot-update-started")).toEqual([0]);
    // Slots 2-4 keep their old tasks; slot 1 is restarted (restart_policy delay 5 s) and fails again.
    expect(secondsOf(result, "instance-terminating")).toEqual([0]);
    expect(secondsOf(result, "instance-started")).toEqual([1, 9, 17]);
    expect(result.summary).toMatchObject({ outcome: "paused", durationMs: 4_000, minCapacity: 3 });
  });

  it("monitor: a failure within 5 s of RUNNING counts, one after it does not", () => {
    // Healthy 2 s after start; crashes 5 s after start (3 s after RUNNING) or 8 s (6 s after).
    const run = (crashAfterMs: number) =>
      simulateRollout({
        strategy: "swarm",
        replicas: 2,
        newVersion: { readyAfterMs: 2_000, crashAfterMs },
        horizonMs: 20_000,
        stopWhenSettled: false,
      });
    const within = run(5_000);
    // new-1 runs at 2 s, is RUNNING at 4 s, crashes at 7 s: 3 s ≤ 5 s.
    expect(eventsOf(within, "task-failure-counted").map((e) => [e.at, e.id])).toEqual([[7_000, "new-1"]]);
    expect(within.summary).toMatchObject({ outcome: "paused", durationMs: 7_000 });
    const after = run(8_000);
    // new-1 crashes at 10 s, 6 s after RUNNING: not counted; new-2 RUNNING at 8 s, done at 13 s.
    expect(eventsOf(after, "task-failure-counted")).toEqual([]);
    expect(secondsOf(after, "instance-failed", "new-1")).toEqual([10]);
    expect(after.summary).toMatchObject({ outcome: "completed", durationMs: 13_000 });
  });

  it("failure_action rollback (the lesson's stack file): back to the old version with rollback_config", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 4,
      updateConfig: { delayMs: 10_000, order: "start-first", failureAction: "rollback", monitorMs: 30_000 },
      rollbackConfig: { parallelism: 2, order: "start-first", failureAction: "pause" },
      newVersion: { readyAfterMs: 10_000, crashAfterMs: 15_000 },
    });
    // new-1 is RUNNING at 10 s (old-1 stopped), crashes at 15 s during the 10 s delay.
    expect(eventsOf(result, "rollback-started")).toEqual([
      {
        at: 15_000,
        type: "rollback-started",
        reason: "update rolled back due to failure or early termination of task new-1",
      },
    ]);
    // Only slot 1 is dirty: old-5 starts at once, is RUNNING at 25 s, + 5 s rollback monitor.
    expect(eventsOf(result, "slot-update-started").map((e) => [e.at / 1000, e.slot, e.role])).toEqual([
      [0, 1, "new"],
      [15, 1, "old"],
    ]);
    expect(secondsOf(result, "instance-ready", "old-5")).toEqual([25]);
    expect(result.summary).toMatchObject({ outcome: "rolled-back", durationMs: 30_000, minCapacity: 3 });
    // The crash cut what new-1 had in flight.
    expect(result.summary.errorsByCause.cut).toBe(eventsOf(result, "instance-failed")[0]!.inFlightLost);
  });

  it("max_failure_ratio 0.25 of 4 slots: the first failure is tolerated, the second acts", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 4,
      updateConfig: { maxFailureRatio: 0.25 },
      ...broken,
      horizonMs: 12_000,
    });
    expect(eventsOf(result, "task-failure-counted").map((e) => [e.at, e.failures])).toEqual([
      [4_000, 1],
      [8_000, 2],
    ]);
    expect(secondsOf(result, "update-paused")).toEqual([8]);
    expect(secondsOf(result, "slot-update-started")).toEqual([0, 4]);
  });

  it("failure_action continue: every slot is replaced even though no new task ever serves", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 4,
      updateConfig: { failureAction: "continue" },
      ...broken,
      horizonMs: 21_000,
    });
    expect(secondsOf(result, "slot-update-started")).toEqual([0, 4, 8, 12]);
    // Last slot's task fails at 16 s, + 5 s monitor.
    expect(result.summary).toMatchObject({ outcome: "completed", durationMs: 21_000, minCapacity: 0 });
  });
});

describe("Swarm stop_grace_period", () => {
  // One replica, start-first, 1 request/s of 12 s each (a CSV export).
  const longRequests = (stopGracePeriodMs: number) =>
    simulateRollout({
      strategy: "swarm",
      replicas: 1,
      requestsPerSecond: 1,
      requestMs: 12_000,
      updateConfig: { order: "start-first" },
      stopGracePeriodMs,
    });

  it("10 s default: the drain waits for in-flight requests, SIGKILL at 20 s cuts the last one (137)", () => {
    const result = longRequests(10_000);
    // old-1 got requests at 0-9 s; SIGTERM at 10 s; those due by 20 s finish, the 9 s one is cut.
    expect(eventsOf(result, "instance-killed")).toEqual([
      { at: 20_000, type: "instance-killed", id: "old-1", inFlightLost: 1 },
    ]);
    expect(eventsOf(result, "instance-gone")).toEqual([
      { at: 20_000, type: "instance-gone", id: "old-1", exitCode: 137 },
    ]);
    expect(result.summary.errorsByCause.cut).toBe(1);
  });

  it("30 s: the old task exits cleanly when its last request ends at 21 s", () => {
    const result = longRequests(30_000);
    expect(eventsOf(result, "instance-gone")).toEqual([
      { at: 21_000, type: "instance-gone", id: "old-1", exitCode: 0 },
    ]);
    expect(result.summary.errors).toBe(0);
  });
});
