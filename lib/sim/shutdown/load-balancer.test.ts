import { describe, expect, it } from "vitest";
import type { ShutdownProgram } from "./program-types";
import { simulate, steady } from "./test-fixtures";

/** The balancer only moves NEW connections away: by polling readiness, or when the endpoint is removed. */

const closeAtOnce: ShutdownProgram = {
  name: "close the listener on SIGTERM",
  listensTo: ["SIGTERM"],
  onSignal: (_signal, api) => api.closeServer(() => api.exit(0)),
};

describe("load balancer during shutdown", () => {
  it("nginx keeps sending: served during the drain delay, refused once the listener closes, refused after exit", () => {
    // A request every second, 200 ms each; drain 5 s; the listener closes at 5 s.
    const run = simulate(
      { requests: steady("r", 0, 10_000, 1_000, 200) },
      { builtin: "graceful", drainDelayMs: 5_000 },
    );
    for (const id of ["r0", "r1", "r2", "r3", "r4"]) expect(run.fate(id)).toMatch(/^completed@/);
    // r5 arrives in the same millisecond as the drain timer: arrivals go first, so it is accepted.
    expect(run.fate("r5")).toBe("completed@5200");
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 5_300, listenerClosedAtMs: 5_000 });
    expect(run.fate("r6")).toBe("refused:process-exited@6000");
    expect(run.summary.requests).toMatchObject({ completed: 6, refused: 4, rerouted: 0, dropped: 0 });
  });

  it("a balancer polling readiness stops sending after failureThreshold failed polls; later requests go elsewhere", () => {
    const run = simulate(
      {
        routing: { readinessProbe: { periodMs: 1_000, failureThreshold: 2 } },
        requests: steady("r", 0, 8_000, 500, 100),
      },
      { builtin: "graceful", drainDelayMs: 5_000 },
    );
    expect(run.events.filter((e) => e.type === "lb-probe").slice(0, 2)).toMatchObject([
      { t: 1_000, ok: false, failures: 1 },
      { t: 2_000, ok: false, failures: 2 },
    ]);
    expect(run.events.find((e) => e.type === "routing-stopped")).toMatchObject({
      t: 2_000,
      cause: "readiness",
    });
    expect(run.fate("r4")).toBe("completed@2100"); // arrived at 2 s, just before the poll
    expect(run.fate("r5")).toBe("rerouted:readiness@2500");
    expect(run.summary.requests).toMatchObject({ completed: 5, rerouted: 11, refused: 0, dropped: 0 });
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 5_100 });
  });

  it("Kubernetes endpoint race: without preStop the closed listener refuses connections until the endpoint is removed", () => {
    const run = simulate(
      {
        platform: { kind: "kubernetes" },
        routing: { endpointRemovalDelayMs: 3_000 },
        requests: steady("r", 500, 6_000, 1_000, 100),
        database: null,
      },
      closeAtOnce,
    );
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 0 });
    expect(["r0", "r1", "r2"].map(run.fate)).toEqual([
      "refused:process-exited@500",
      "refused:process-exited@1500",
      "refused:process-exited@2500",
    ]);
    expect(run.fate("r3")).toBe("rerouted:endpoint-removed@3500");
    expect(run.summary.requests).toMatchObject({ completed: 0, refused: 3, rerouted: 3 });
  });

  it("…and a 5 s preStop sleep keeps the app serving until routing has caught up: nothing refused", () => {
    const run = simulate(
      {
        platform: { kind: "kubernetes", preStopMs: 5_000 },
        routing: { endpointRemovalDelayMs: 3_000 },
        requests: steady("r", 500, 6_000, 1_000, 100),
        database: null,
      },
      closeAtOnce,
    );
    expect(run.fate("r2")).toBe("completed@2600");
    expect(run.fate("r3")).toBe("rerouted:endpoint-removed@3500");
    expect(run.summary).toMatchObject({ signalAtMs: 5_000, exitAtMs: 5_000, exitCode: 0 });
    expect(run.summary.requests).toMatchObject({ completed: 3, refused: 0, rerouted: 3 });
  });

  it("an open keep-alive connection keeps bringing requests after the endpoint is removed", () => {
    const pinned = steady("k", 0, 6_000, 1_000, 100).map((request) => ({ ...request, connection: "pool-1" }));
    const run = simulate(
      { platform: { kind: "swarm" }, requests: [...pinned, { id: "fresh", atMs: 500, durationMs: 100 }] },
      { builtin: "graceful", drainDelayMs: 5_000 },
    );
    expect(run.fate("fresh")).toBe("rerouted:endpoint-removed@500");
    // SIGTERM at 2 s; Connection: close from then on, so k2's response closes the pooled connection.
    expect(run.fate("k2")).toBe("completed@2100");
    expect(run.fate("k3")).toBe("rerouted:endpoint-removed@3000");
  });

  it("the balancer resumes sending when readiness recovers", () => {
    const run = simulate(
      { routing: { readinessProbe: { periodMs: 1_000, failureThreshold: 1 } } },
      {
        name: "flaps",
        listensTo: ["SIGTERM"],
        onSignal(_signal, api) {
          api.setReady(false);
          api.setTimeout(() => api.setReady(true), 1_500);
        },
      },
    );
    expect(run.times("routing-resumed")).toEqual([2_000]);
    // …and stops again for good once SIGKILL has ended the process at 10 s.
    expect(run.times("routing-stopped")).toEqual([1_000, 10_000]);
  });
});
