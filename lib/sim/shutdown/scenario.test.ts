import { describe, expect, it } from "vitest";
import { resolveScenario } from "./scenario";

describe("resolveScenario", () => {
  it("fills the defaults: docker, exec form, Node 20, 5 s keepAliveTimeout, a 100 ms database close", () => {
    expect(resolveScenario({})).toEqual({
      platform: { kind: "docker", gracePeriodMs: 10_000, stopSignal: "SIGTERM", preStopMs: 0 },
      launch: "exec",
      nodeMajor: 20,
      keepAliveTimeoutMs: 5_000,
      database: { closeMs: 100 },
      stopAtMs: 0,
      requests: [],
      routing: { endpointRemovalDelayMs: null, readinessProbe: null },
    });
  });

  it("routing defaults follow the platform and the probe's first poll defaults to one period", () => {
    expect(resolveScenario({ platform: { kind: "swarm" } }).routing.endpointRemovalDelayMs).toBe(0);
    expect(resolveScenario({ platform: { kind: "kubernetes" } }).routing.endpointRemovalDelayMs).toBe(1_000);
    expect(
      resolveScenario({
        platform: { kind: "kubernetes" },
        routing: { endpointRemovalDelayMs: null, readinessProbe: { periodMs: 5_000, failureThreshold: 1 } },
      }).routing,
    ).toEqual({
      endpointRemovalDelayMs: null,
      readinessProbe: { periodMs: 5_000, failureThreshold: 1, offsetMs: 5_000 },
    });
  });

  it("sorts requests by arrival, keeping the given order within a millisecond", () => {
    const { requests } = resolveScenario({
      requests: [
        { id: "b", atMs: 5, durationMs: 1 },
        { id: "a1", atMs: 1, durationMs: 1 },
        { id: "a2", atMs: 1, durationMs: 1 },
      ],
    });
    expect(requests.map((request) => request.id)).toEqual(["a1", "a2", "b"]);
  });

  it("rejects what the engine cannot simulate", () => {
    expect(() => resolveScenario({ stopAtMs: -1 })).toThrow(RangeError);
    expect(() => resolveScenario({ platform: { kind: "docker", gracePeriodMs: 1.5 } })).toThrow(RangeError);
    expect(() => resolveScenario({ platform: { kind: "docker", preStopMs: 5_000 } })).toThrow(/Kubernetes/);
    expect(() => resolveScenario({ requests: [{ id: "", atMs: 0, durationMs: 1 }] })).toThrow(RangeError);
    expect(() =>
      resolveScenario({ routing: { readinessProbe: { periodMs: 0, failureThreshold: 1 } } }),
    ).toThrow(RangeError);
  });
});
