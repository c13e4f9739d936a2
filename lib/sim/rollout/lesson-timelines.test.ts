import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import type { RolloutScenarioInput } from "./schema";
import { eventsOf, sampleAt, secondsAtCapacity, secondsOf } from "./test-helpers";

// content/lessons/09-zero-downtime-deployment.mdx, reproduced to the second.

describe("lesson 9: Swarm, 4 replicas, parallelism 1, delay 10 s, monitor 30 s", () => {
  // Healthy 10 s after start, old task drains in 2 s, stop_grace_period 30s (the stack file).
  const lessonSwarm = (order: "stop-first" | "start-first"): RolloutScenarioInput => ({
    strategy: "swarm",
    replicas: 4,
    updateConfig: { parallelism: 1, delayMs: 10_000, order, failureAction: "rollback", monitorMs: 30_000 },
    rollbackConfig: { parallelism: 2, order: "start-first", failureAction: "pause" },
    stopGracePeriodMs: 30_000,
    oldVersion: { label: "1.4.2", shutdownMs: 2_000 },
    newVersion: { label: "1.5.0", startMs: 0, readyAfterMs: 10_000 },
  });

  it("stop-first: 3 serving from SIGTERM until the new task is healthy; slots every 22 s; done at 118 s", () => {
    const result = simulateRollout(lessonSwarm("stop-first"));
    expect(secondsOf(result, "slot-update-started")).toEqual([0, 22, 44, 66]);
    for (const [slot, start] of [0, 22, 44, 66].entries()) {
      const n = slot + 1;
      expect(secondsOf(result, "instance-sigterm", `old-${n}`)).toEqual([start]);
      expect(secondsOf(result, "instance-gone", `old-${n}`)).toEqual([start + 2]);
      expect(secondsOf(result, "instance-started", `new-${n}`)).toEqual([start + 2]);
      expect(secondsOf(result, "instance-ready", `new-${n}`)).toEqual([start + 12]);
      // The lesson's table: seconds into the slot → serving.
      expect(sampleAt(result, start).capacity).toBe(3);
      expect(sampleAt(result, start + 2).capacity).toBe(3);
      expect(sampleAt(result, start + 10).capacity).toBe(3);
      expect(sampleAt(result, start + 12).capacity).toBe(4);
    }
    expect(secondsOf(result, "instance-ready", "new-4")).toEqual([78]);
    expect(secondsAtCapacity(result)).toEqual({ 3: 48, 4: 70 });
    expect(result.summary).toMatchObject({
      outcome: "completed",
      durationMs: 118_000,
      maxInstances: 4,
      errors: 0,
    });
  });

  it("start-first: never below 4 serving, a fifth container per slot; slots every 20 s; done at 110 s", () => {
    const result = simulateRollout(lessonSwarm("start-first"));
    expect(secondsOf(result, "slot-update-started")).toEqual([0, 20, 40, 60]);
    for (const [slot, start] of [0, 20, 40, 60].entries()) {
      const n = slot + 1;
      expect(secondsOf(result, "instance-started", `new-${n}`)).toEqual([start]);
      expect(secondsOf(result, "instance-ready", `new-${n}`)).toEqual([start + 10]);
      expect(secondsOf(result, "instance-sigterm", `old-${n}`)).toEqual([start + 10]);
      expect(secondsOf(result, "instance-gone", `old-${n}`)).toEqual([start + 12]);
      expect(sampleAt(result, start)).toMatchObject({ capacity: 4, instances: 5 });
      expect(sampleAt(result, start + 2)).toMatchObject({ capacity: 4, instances: 5 });
      expect(sampleAt(result, start + 10)).toMatchObject({ capacity: 4, instances: 5 });
      expect(sampleAt(result, start + 12)).toMatchObject({ capacity: 4, instances: 4 });
    }
    expect(secondsAtCapacity(result)).toEqual({ 4: 110 });
    expect(result.summary).toMatchObject({
      outcome: "completed",
      durationMs: 110_000,
      minCapacity: 4,
      maxInstances: 5,
    });
  });
});

describe("lesson 9: Kubernetes, 6 replicas", () => {
  it("maxSurge 1, maxUnavailable 0, minReadySeconds 10: the worked table, 6 available throughout, ~2 min", () => {
    const result = simulateRollout({
      strategy: "kubernetes",
      replicas: 6,
      maxSurge: 1,
      maxUnavailable: 0,
      minReadyMs: 10_000,
      progressDeadlineMs: 600_000,
      terminationGraceMs: 45_000,
      preStopMs: 5_000,
      newVersion: { readyAfterMs: 10_000 },
    });
    const rows = eventsOf(result, "replicasets-scaled").map((e) => [
      e.at / 1000,
      e.old,
      e.new,
      e.old + e.new,
    ]);
    expect(rows).toEqual([
      [0, 6, 1, 7], //  kubectl set image
      [20, 5, 2, 7], // new Pod 1 available
      [40, 4, 3, 7],
      [60, 3, 4, 7],
      [80, 2, 5, 7],
      [100, 1, 6, 7],
      [120, 0, 6, 6], // new Pod 6 available
    ]);
    expect(secondsOf(result, "instance-available")).toEqual([20, 40, 60, 80, 100, 120]);
    expect(result.samples.every((sample) => sample.available === 6)).toBe(true);
    expect(result.summary).toMatchObject({
      outcome: "completed",
      durationMs: 120_000,
      minAvailable: 6,
      minCapacity: 6,
      errors: 0,
    });
    // Each old Pod is Terminating through its 5 s preStop sleep, then drains 2 s.
    expect(secondsOf(result, "instance-sigterm", "old-6")).toEqual([25]);
    expect(secondsOf(result, "instance-gone", "old-1")).toEqual([127]);
  });

  it("the defaults (surge 2, unavailable 1) finish sooner but dip to 5 available", () => {
    const result = simulateRollout({ strategy: "kubernetes", replicas: 6, preStopMs: 5_000 });
    const scaled = eventsOf(result, "replicasets-scaled");
    expect(Math.max(...scaled.map((e) => e.old + e.new))).toBe(8);
    expect(result.summary).toMatchObject({ outcome: "completed", durationMs: 20_000, minAvailable: 5 });
  });

  it("check yourself 2: 10 replicas with the defaults: at most 13 Pods, at least 8 available", () => {
    const result = simulateRollout({ strategy: "kubernetes", replicas: 10, preStopMs: 5_000 });
    const scaled = eventsOf(result, "replicasets-scaled");
    expect(Math.max(...scaled.map((e) => e.old + e.new))).toBe(13);
    expect(result.summary.minAvailable).toBe(8);
  });
});
