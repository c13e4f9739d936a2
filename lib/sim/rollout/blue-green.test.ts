import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import { eventsOf, sampleAt } from "./test-helpers";

describe("blue-green", () => {
  it("switches all traffic to green at T and back to blue on rollback, at full capacity throughout", () => {
    const result = simulateRollout({
      strategy: "blue-green",
      replicas: 4,
      switchAtMs: 30_000,
      rollbackAtMs: 60_000,
    });
    expect(eventsOf(result, "traffic-switched").map((e) => [e.at, e.to])).toEqual([
      [30_000, "green"],
      [60_000, "blue"],
    ]);
    expect(eventsOf(result, "smoke-test")).toEqual([
      { at: 30_000, type: "smoke-test", passed: true, requests: 10, errors: 0, notReady: 0 },
    ]);
    // Two full environments: 8 containers, 4 of them serving at any time.
    expect(sampleAt(result, 45)).toMatchObject({ readyOld: 4, readyNew: 4, capacity: 4, instances: 8 });
    expect(result.summary).toMatchObject({
      outcome: "rolled-back",
      durationMs: 60_000,
      minCapacity: 4,
      maxInstances: 8,
      errors: 0,
    });
  });

  it("a smoke test that finds errors keeps users on blue", () => {
    const result = simulateRollout({
      strategy: "blue-green",
      replicas: 4,
      switchAtMs: 30_000,
      newVersion: { errorRate: 0.5 },
    });
    expect(eventsOf(result, "smoke-test")[0]).toMatchObject({ passed: false, requests: 10, errors: 5 });
    expect(eventsOf(result, "traffic-switched")).toEqual([]);
    expect(result.summary).toMatchObject({ outcome: "aborted", errors: 0 });
  });

  it("a smoke test of 10 requests misses a 5% error rate; live traffic then finds it", () => {
    const result = simulateRollout({
      strategy: "blue-green",
      replicas: 4,
      switchAtMs: 30_000,
      newVersion: { errorRate: 0.05 },
      horizonMs: 50_000,
      stopWhenSettled: false,
    });
    expect(eventsOf(result, "smoke-test")[0]).toMatchObject({ passed: true, errors: 0 });
    // Green answers requests arriving from 30 s; those finished by 50 s arrived 30.00-49.90 s,
    // one every 20 ms: 996 answers, exactly floor(996 × 5%) = 49 of them errors.
    expect(result.summary.errorsByCause).toEqual({ "no-instance": 0, refused: 0, cut: 0, broken: 49 });
  });

  it("switching without a smoke test before green is ready drops every request until it is", () => {
    const result = simulateRollout({
      strategy: "blue-green",
      replicas: 4,
      switchAtMs: 5_000,
      smokeTest: null,
    });
    // Green is ready at 10 s: requests arriving 5.00-9.98 s find no ready instance (5 s × 50/s).
    expect(result.summary.errorsByCause["no-instance"]).toBe(250);
    expect(result.summary.minCapacity).toBe(0);
  });
});
