import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import { formatMs, narrate, narrateAll } from "./narrate";
import type { EventType, RolloutEvent } from "./types";

describe("narrate", () => {
  it("formats virtual time for people", () => {
    expect([0, 2_500, 118_000, 120_000, 630_000, 600_000].map(formatMs)).toEqual([
      "0 s",
      "2.5 s",
      "118 s",
      "2 min",
      "10 min 30 s",
      "10 min",
    ]);
  });

  it("tells the lesson's stop-first slot in plain sentences", () => {
    const result = simulateRollout({ strategy: "swarm", replicas: 4, horizonMs: 12_000 });
    expect(narrateAll(result.events).slice(0, 8)).toEqual([
      "At 0 s a Docker Swarm rolling update of 4 replicas begins.",
      "At 0 s Swarm starts moving slot 1 to the new version.",
      "At 0 s old-1 is told to stop.",
      "At 0 s old-1 receives SIGTERM and starts draining.",
      "At 2 s old-1 exited cleanly (code 0) and is gone.",
      "At 2 s new-1 (v2) is created and starts.",
      "At 2 s new-1's process is running.",
      "At 12 s new-1 is ready: its health check passes and it can take traffic.",
    ]);
  });

  it("gives every event type of every strategy one sentence", () => {
    const results = [
      simulateRollout({
        strategy: "swarm",
        replicas: 2,
        updateConfig: { failureAction: "rollback" },
        rollbackConfig: { failureAction: "rollback" },
        // Rollback tasks crash 2 s after RUNNING: a rollback never rolls back, it pauses.
        oldVersion: { crashAfterMs: 12_000 },
        newVersion: { readyAfterMs: 2_000, crashAfterMs: 4_000 },
        horizonMs: 60_000,
      }),
      simulateRollout({
        strategy: "swarm",
        replicas: 1,
        requestsPerSecond: 1,
        requestMs: 15_000,
        updateConfig: { order: "start-first" },
      }),
      simulateRollout({
        strategy: "kubernetes",
        replicas: 3,
        minReadyMs: 5_000,
        newVersion: { readyAfterMs: null },
      }),
      simulateRollout({
        strategy: "kubernetes",
        replicas: 2,
        newVersion: { crashAfterMs: 15_000 },
        horizonMs: 60_000,
      }),
      simulateRollout({ strategy: "kubernetes", replicas: 1, minReadyMs: 1_000 }),
      simulateRollout({ strategy: "blue-green", replicas: 2, rollbackAtMs: 70_000 }),
      simulateRollout({ strategy: "blue-green", replicas: 2, switchAtMs: 5_000 }),
      simulateRollout({ strategy: "canary", replicas: 2, phases: [{ weight: 50, durationMs: 30_000 }] }),
      simulateRollout({ strategy: "canary", replicas: 2, newVersion: { errorRate: 0.5 } }),
      simulateRollout({ strategy: "canary", replicas: 2, newVersion: { readyAfterMs: null } }),
    ];
    const seen = new Map<EventType, RolloutEvent>();
    for (const result of results) for (const event of result.events) seen.set(event.type, event);
    const all: EventType[] = [
      "rollout-started",
      "instance-started",
      "instance-running",
      "instance-ready",
      "instance-available",
      "instance-failed",
      "instance-terminating",
      "instance-unrouted",
      "instance-sigterm",
      "instance-killed",
      "instance-gone",
      "replicasets-scaled",
      "slot-update-started",
      "task-failure-counted",
      "update-paused",
      "rollback-started",
      "rolled-back",
      "rollout-completed",
      "deadline-exceeded",
      "smoke-test",
      "traffic-switched",
      "phase-changed",
      "gate-failed",
      "rollout-aborted",
    ];
    expect([...seen.keys()].sort()).toEqual([...all].sort());
    for (const event of seen.values()) {
      const sentence = narrate(event);
      expect(sentence).toMatch(/^At \d/);
      expect(sentence).toMatch(/\.$/);
      expect(sentence).not.toMatch(/undefined|NaN/);
    }
  });
});
