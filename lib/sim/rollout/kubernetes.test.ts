import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import { RolloutScenarioError } from "./schema";
import { eventsOf, sampleAt, secondsOf } from "./test-helpers";

const maxPodsCounted = (result: ReturnType<typeof simulateRollout>) =>
  Math.max(...eventsOf(result, "replicasets-scaled").map((e) => e.old + e.new));

describe("Kubernetes RollingUpdate defaults (maxSurge 25% up, maxUnavailable 25% down)", () => {
  it.each([
    // replicas, most Pods counted, fewest available
    [4, 5, 3],
    [6, 8, 5],
    [10, 13, 8],
  ])("%i replicas: at most %i Pods, at least %i available", (replicas, maxPods, minAvailable) => {
    const result = simulateRollout({ strategy: "kubernetes", replicas, preStopMs: 5_000 });
    expect(maxPodsCounted(result)).toBe(maxPods);
    expect(result.summary).toMatchObject({ outcome: "completed", minAvailable, errors: 0 });
  });

  it("6 replicas: the first sync creates 2 new Pods, deletes 1 old, then adds a third", () => {
    const result = simulateRollout({ strategy: "kubernetes", replicas: 6 });
    expect(eventsOf(result, "replicasets-scaled")[0]).toEqual({
      at: 0,
      type: "replicasets-scaled",
      old: 5,
      new: 3,
    });
    expect(secondsOf(result, "instance-started")).toEqual([0, 0, 0, 10, 10, 10]);
  });
});

describe("Kubernetes maxSurge 1 / maxUnavailable 0", () => {
  it("6 replicas lose no capacity: one new Pod at a time, an old one leaves only when it is available", () => {
    const result = simulateRollout({
      strategy: "kubernetes",
      replicas: 6,
      maxSurge: 1,
      maxUnavailable: 0,
      preStopMs: 5_000,
    });
    // Ready 10 s after start, minReadySeconds 0: a round every 10 s.
    expect(secondsOf(result, "instance-ready")).toEqual([10, 20, 30, 40, 50, 60]);
    expect(maxPodsCounted(result)).toBe(7);
    expect(result.samples.every((sample) => sample.capacity >= 6)).toBe(true);
    expect(result.summary).toMatchObject({
      outcome: "completed",
      durationMs: 60_000,
      minAvailable: 6,
      errors: 0,
    });
  });

  it("rejects maxSurge 0 with maxUnavailable 0, in either notation", () => {
    for (const [maxSurge, maxUnavailable] of [
      [0, 0],
      ["0%", 0],
      [0, "0%"],
    ] as const) {
      expect(() =>
        simulateRollout({ strategy: "kubernetes", replicas: 6, maxSurge, maxUnavailable }),
      ).toThrow(RolloutScenarioError);
    }
    expect(() =>
      simulateRollout({ strategy: "kubernetes", replicas: 6, maxSurge: 0, maxUnavailable: 0 }),
    ).toThrow("maxUnavailable: may not be 0 when maxSurge is 0");
  });
});

describe("Kubernetes progress deadline", () => {
  it("a version that never becomes ready stalls; after 600 s: ProgressDeadlineExceeded, no rollback", () => {
    const result = simulateRollout({
      strategy: "kubernetes",
      replicas: 6,
      preStopMs: 5_000,
      newVersion: { readyAfterMs: null },
    });
    // The only progress is the first sync at 0 (5 old, 3 new): the deadline falls at 600 s.
    expect(eventsOf(result, "replicasets-scaled")).toEqual([
      { at: 0, type: "replicasets-scaled", old: 5, new: 3 },
    ]);
    expect(eventsOf(result, "deadline-exceeded")).toEqual([
      { at: 600_000, type: "deadline-exceeded", sinceProgressMs: 600_000 },
    ]);
    expect(eventsOf(result, "rollback-started")).toEqual([]);
    // The old ReplicaSet keeps serving, short of maxUnavailable (1) Pod.
    expect(sampleAt(result, 300)).toMatchObject({ readyOld: 5, readyNew: 0, capacity: 5 });
    expect(result.summary).toMatchObject({ outcome: "deadline-exceeded", durationMs: 600_000, errors: 0 });
  });

  it("progress resets the deadline: a slow but steady rollout is not stalled", () => {
    const result = simulateRollout({
      strategy: "kubernetes",
      replicas: 2,
      maxSurge: 1,
      maxUnavailable: 0,
      progressDeadlineMs: 30_000,
      newVersion: { readyAfterMs: 25_000 },
    });
    expect(eventsOf(result, "deadline-exceeded")).toEqual([]);
    expect(result.summary).toMatchObject({ outcome: "completed", durationMs: 50_000 });
  });
});

describe("Kubernetes endpoint removal races SIGTERM", () => {
  // 1 replica, surge 1: new-1 is ready at 1 s, old-1 is deleted then. Routers keep sending to
  // old-1 until 2 s. 10 requests/s of 50 ms, round-robin over [old-1, new-1] from 1 s.
  const race = (preStopMs: number) =>
    simulateRollout({
      strategy: "kubernetes",
      replicas: 1,
      maxSurge: 1,
      maxUnavailable: 0,
      requestsPerSecond: 10,
      requestMs: 50,
      endpointDelayMs: 1_000,
      preStopMs,
      oldVersion: { shutdownMs: 200 },
      newVersion: { readyAfterMs: 1_000 },
    });

  it("without preStop the Pod closes its listener at once: 5 requests (1.0, 1.2 … 1.8 s) are refused", () => {
    const result = race(0);
    expect(secondsOf(result, "instance-sigterm", "old-1")).toEqual([1]);
    expect(secondsOf(result, "instance-unrouted", "old-1")).toEqual([2]);
    expect(result.summary.errorsByCause).toEqual({ "no-instance": 0, refused: 5, cut: 0, broken: 0 });
  });

  it("a preStop sleep longer than the propagation delay keeps it serving until routing caught up", () => {
    const result = race(2_000);
    expect(secondsOf(result, "instance-sigterm", "old-1")).toEqual([3]);
    expect(secondsOf(result, "instance-gone", "old-1")).toEqual([3.2]);
    expect(result.summary.errors).toBe(0);
  });

  it("the preStop time counts against terminationGracePeriodSeconds", () => {
    const result = simulateRollout({
      strategy: "kubernetes",
      replicas: 1,
      maxSurge: 1,
      maxUnavailable: 0,
      preStopMs: 5_000,
      terminationGraceMs: 6_000,
      newVersion: { readyAfterMs: 1_000 },
    });
    // Deleted at 1 s, SIGTERM at 6 s, drain needs 2 s, SIGKILL at 7 s.
    expect(eventsOf(result, "instance-gone")).toEqual([
      { at: 7_000, type: "instance-gone", id: "old-1", exitCode: 137 },
    ]);
  });
});
