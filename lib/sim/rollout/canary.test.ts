import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import type { RolloutScenarioInput } from "./schema";
import { eventsOf, sampleAt, secondsOf } from "./test-helpers";

// Short phases so the numbers stay readable: 10% → 50% → 100%, one minute each, gate every 30 s.
const canary = (overrides: Partial<Extract<RolloutScenarioInput, { strategy: "canary" }>> = {}) =>
  simulateRollout({
    strategy: "canary",
    replicas: 6,
    canaryReplicas: 6,
    phases: [
      { weight: 10, durationMs: 60_000 },
      { weight: 50, durationMs: 60_000 },
      { weight: 100, durationMs: 60_000 },
    ],
    ...overrides,
  });

describe("canary", () => {
  it("widens 10% → 50% → 100% while the gate passes, then retires the stable version", () => {
    const result = canary();
    // The canary is ready at 10 s; each phase lasts 60 s.
    expect(eventsOf(result, "phase-changed").map((e) => [e.at / 1000, e.phase, e.weight])).toEqual([
      [10, 1, 10],
      [70, 2, 50],
      [130, 3, 100],
    ]);
    expect(secondsOf(result, "rollout-completed")).toEqual([190]);
    // 10% of 50 requests/s: 5 per second reach the canary.
    const phaseOne = result.samples.filter((s) => s.t > 20_000 && s.t <= 60_000);
    expect(phaseOne.every((s) => s.served === 50)).toBe(true);
    expect(sampleAt(result, 100)).toMatchObject({ readyOld: 6, readyNew: 6, capacity: 12 });
    expect(result.summary).toMatchObject({ outcome: "completed", errors: 0, minCapacity: 6 });
  });

  it("rolls back automatically when the canary's error ratio trips the gate", () => {
    const result = canary({ newVersion: { errorRate: 0.05 } });
    // First check at 40 s: the canary answered requests arriving 10.00-39.90 s, every tenth of
    // 1496 → 149, of which floor(149 × 5%) = 7 failed: 4.7% > 1%.
    expect(eventsOf(result, "gate-failed")).toEqual([
      { at: 40_000, type: "gate-failed", requests: 149, errors: 7 },
    ]);
    expect(secondsOf(result, "rolled-back")).toEqual([40]);
    expect(secondsOf(result, "instance-terminating")).toHaveLength(6);
    // After the rollback every request goes to stable again.
    expect(sampleAt(result, 41)).toMatchObject({ capacity: 6 });
    expect(result.summary).toMatchObject({ outcome: "rolled-back", errors: 7 });
  });

  it("an error ratio at the threshold passes: only above it fails", () => {
    // 1% of 149 answers → 1 error (0.67%); the gate passes every check.
    const result = canary({ newVersion: { errorRate: 0.01 } });
    expect(eventsOf(result, "gate-failed")).toEqual([]);
    expect(result.summary.outcome).toBe("completed");
  });

  it("no data fails the gate: a canary without traffic has proven nothing", () => {
    const result = canary({ requestsPerSecond: 0 });
    expect(eventsOf(result, "gate-failed")).toEqual([
      { at: 40_000, type: "gate-failed", requests: 0, errors: 0 },
    ]);
    expect(result.summary.outcome).toBe("rolled-back");
  });

  it("gives up if the canary never becomes ready", () => {
    const result = canary({ newVersion: { readyAfterMs: null } });
    expect(eventsOf(result, "rollout-aborted")).toEqual([
      { at: 180_000, type: "rollout-aborted", reason: "canary not ready in time" },
    ]);
    expect(result.summary).toMatchObject({ outcome: "aborted", errors: 0 });
  });
});
