import { describe, expect, it } from "vitest";
import { simulateRollout } from "./index";
import { parseScenario, type RolloutScenarioInput } from "./schema";
import { arrivalTime } from "./traffic";

const scenarios: RolloutScenarioInput[] = [
  { strategy: "swarm", replicas: 4, newVersion: { crashAfterMs: 30_000 }, horizonMs: 120_000 },
  { strategy: "kubernetes", replicas: 6, newVersion: { errorRate: 0.02 } },
  { strategy: "blue-green", replicas: 3, rollbackAtMs: 90_000 },
  { strategy: "canary", replicas: 4, phases: [{ weight: 25, durationMs: 60_000 }] },
];

describe("the rollout engine", () => {
  it.each(scenarios)("is deterministic: the same $strategy scenario gives the same timeline", (scenario) => {
    expect(simulateRollout(scenario)).toEqual(simulateRollout(scenario));
  });

  it.each(scenarios)("$strategy: the sampled series adds up to the summary", (scenario) => {
    const { samples, summary } = simulateRollout(scenario);
    expect(samples.reduce((sum, s) => sum + s.served, 0)).toBe(summary.served);
    expect(samples.reduce((sum, s) => sum + s.errors, 0)).toBe(summary.errors);
    expect(summary.served + summary.errors + summary.inFlightAtEnd).toBe(summary.requests);
    const causes = Object.values(summary.errorsByCause).reduce((sum, n) => sum + n, 0);
    expect(causes).toBe(summary.errors);
    expect(summary.capacityMs.reduce((sum, c) => sum + c.ms, 0)).toBe(summary.endMs);
  });

  it("emits events in time order and samples every sampleEveryMs, plus the end", () => {
    const result = simulateRollout({ strategy: "swarm", replicas: 2, sampleEveryMs: 5_000 });
    const times = result.events.map((event) => event.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Done at 29 s (2 slots × 12 s + 5 s monitor).
    expect(result.samples.map((s) => s.t)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000, 29_000]);
  });

  it("spreads arrivals evenly in whole milliseconds", () => {
    expect([0, 1, 2, 3].map((k) => arrivalTime(k, 50))).toEqual([0, 20, 40, 60]);
    expect([0, 1, 2, 3].map((k) => arrivalTime(k, 3))).toEqual([0, 333, 666, 1000]);
    expect(arrivalTime(5, 0)).toBe(Infinity);
  });

  it("a faulty version fails exactly floor(n × errorRate) of its first n answers", () => {
    const result = simulateRollout({
      strategy: "swarm",
      replicas: 2,
      updateConfig: { order: "start-first" },
      newVersion: { errorRate: 0.1 },
      horizonMs: 200_000,
      stopWhenSettled: false,
    });
    // From 20 s (both new tasks RUNNING) every answer is the new version's.
    const late = result.samples.filter((s) => s.t > 30_000);
    expect(late.every((s) => s.errors === 5 && s.served === 45)).toBe(true);
  });

  it("stops at the horizon while still in progress", () => {
    const result = simulateRollout({ strategy: "swarm", replicas: 4, horizonMs: 30_000 });
    expect(result.summary).toMatchObject({ outcome: "in-progress", durationMs: 30_000, endMs: 30_000 });
  });
});

describe("scenario defaults (fact-sheet §3, §6)", () => {
  it("Swarm update_config: parallelism 1, delay 0, pause, monitor 5 s, stop-first, ratio 0; grace 10 s", () => {
    const scenario = parseScenario({ strategy: "swarm", replicas: 3 });
    if (scenario.strategy !== "swarm") throw new Error("unreachable");
    const expected = {
      parallelism: 1,
      delayMs: 0,
      failureAction: "pause",
      monitorMs: 5_000,
      order: "stop-first",
      maxFailureRatio: 0,
    };
    expect(scenario.updateConfig).toEqual(expected);
    expect(scenario.rollbackConfig).toEqual(expected);
    expect(scenario.stopGracePeriodMs).toBe(10_000);
    expect(scenario.restartDelayMs).toBe(5_000);
  });

  it("Kubernetes: 25%/25%, progressDeadlineSeconds 600, minReadySeconds 0, grace 30 s", () => {
    expect(parseScenario({ strategy: "kubernetes", replicas: 3 })).toMatchObject({
      maxSurge: "25%",
      maxUnavailable: "25%",
      progressDeadlineMs: 600_000,
      minReadyMs: 0,
      terminationGraceMs: 30_000,
      preStopMs: 0,
    });
  });

  it("rejects nonsense with the field named", () => {
    expect(() => parseScenario({ strategy: "kubernetes", replicas: 3, maxUnavailable: "150%" })).toThrow(
      "maxUnavailable: must not be more than 100%",
    );
    expect(() => parseScenario({ strategy: "swarm", replicas: 0 })).toThrow(/replicas/);
    expect(() =>
      parseScenario({ strategy: "blue-green", replicas: 2, switchAtMs: 10_000, rollbackAtMs: 5_000 }),
    ).toThrow(/rollbackAtMs/);
  });
});
