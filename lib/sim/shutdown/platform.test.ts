import { describe, expect, it } from "vitest";
import { planStop } from "./platform";
import { resolveScenario } from "./scenario";
import { ABC, simulate } from "./test-fixtures";
import type { ShutdownScenario } from "./types";

/** Fact sheet §3.1 and §3.5: grace periods, preStop, and who kills first. */

const plan = (scenario: ShutdownScenario) => planStop(resolveScenario(scenario));

describe("stop plans", () => {
  it("docker stop, Compose and Swarm default to 10 s; Kubernetes to 30 s", () => {
    expect(plan({ platform: { kind: "docker" } })).toMatchObject({ signalAtMs: 0, killAtMs: 10_000 });
    expect(plan({ platform: { kind: "compose" } })).toMatchObject({ signalAtMs: 0, killAtMs: 10_000 });
    expect(plan({ platform: { kind: "kubernetes" } })).toMatchObject({ signalAtMs: 0, killAtMs: 30_000 });
    expect(plan({ platform: { kind: "docker", gracePeriodMs: 30_000 }, stopAtMs: 1_000 })).toMatchObject({
      signalAtMs: 1_000,
      killAtMs: 31_000,
    });
  });

  it("Swarm removes the task from its balancer, waits 2 s, then signals with a full 10 s grace", () => {
    expect(plan({ platform: { kind: "swarm" } })).toMatchObject({
      endpointRemovalAtMs: 0,
      signalAtMs: 2_000,
      killAtMs: 12_000,
    });
  });

  it("Kubernetes: a 5 s preStop delays SIGTERM to 5 s and counts against the 30 s grace", () => {
    expect(plan({ platform: { kind: "kubernetes", preStopMs: 5_000 } })).toMatchObject({
      preStop: { endMs: 5_000, cutShort: false },
      signalAtMs: 5_000,
      killAtMs: 30_000,
    });
    const run = simulate(
      { platform: { kind: "kubernetes", preStopMs: 5_000 }, requests: ABC },
      { builtin: "no-handler" },
    );
    expect(run.times("signal-sent")).toEqual([5_000, 30_000]);
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 30_000, signalAtMs: 5_000 });
  });

  it("Kubernetes: a preStop longer than the grace is cut short, and SIGTERM still gets 2 s before SIGKILL", () => {
    expect(
      plan({ platform: { kind: "kubernetes", gracePeriodMs: 30_000, preStopMs: 40_000 } }),
    ).toMatchObject({
      preStop: { endMs: 30_000, cutShort: true },
      signalAtMs: 30_000,
      killAtMs: 32_000,
    });
  });

  it("the lesson's Deployment: SIGTERM at 5, listener closed at 7, SIGKILL due at 45", () => {
    const run = simulate(
      {
        platform: { kind: "kubernetes", gracePeriodMs: 45_000, preStopMs: 5_000 },
        requests: [{ id: "export", atMs: 0, durationMs: 20_000 }],
      },
      { builtin: "graceful", drainDelayMs: 2_000, forceExitMs: 35_000 },
    );
    expect(run.summary).toMatchObject({
      signalAtMs: 5_000,
      listenerClosedAtMs: 7_000,
      killDeadlineMs: 45_000,
    });
    expect(run.fate("export")).toBe("completed@20000");
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 20_100 });
  });
});

describe("force-exit timer against the grace period", () => {
  const longRequest = [{ id: "export", atMs: 0, durationMs: 60_000 }];

  it("a 30 s force-exit timer never fires under docker stop's 10 s default: SIGKILL first, 137", () => {
    const run = simulate({ requests: longRequest }, { builtin: "graceful", forceExitMs: 30_000 });
    expect(run.times("timer-fired")).toEqual([5_000]);
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000, sigkillAtMs: 10_000 });
  });

  it("raise the grace to 40 s and the same timer fires at 30 s: exit 1, logged by the app", () => {
    const run = simulate(
      { platform: { kind: "docker", gracePeriodMs: 40_000 }, requests: longRequest },
      { builtin: "graceful", forceExitMs: 30_000 },
    );
    expect(run.times("timer-fired")).toEqual([5_000, 30_000]);
    expect(run.fate("export")).toBe("dropped:exit@30000");
    expect(run.summary).toMatchObject({ exitCode: 1, exitAtMs: 30_000, sigkillAtMs: null });
  });

  it("a timer equal to the grace period loses the tie to SIGKILL", () => {
    const run = simulate({ requests: longRequest }, { builtin: "graceful", forceExitMs: 10_000 });
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000 });
  });

  it("the good pattern with 2, 4 and 12 s requests and grace raised to 20 s: all complete, exit 0", () => {
    const run = simulate(
      { platform: { kind: "docker", gracePeriodMs: 20_000 }, requests: ABC },
      { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 15_000 },
    );
    expect(["A", "B", "C"].map(run.fate)).toEqual(["completed@2000", "completed@4000", "completed@12000"]);
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 12_100, databaseClosed: true });
  });
});
