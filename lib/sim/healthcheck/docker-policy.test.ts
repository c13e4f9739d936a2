import { describe, expect, it } from "vitest";
import { alwaysHealthy, hangsFrom, healthyAfterBoot, scripted } from "./probes";
import { decideRestart, INITIAL_RESTART_MANAGER } from "./restart-manager";
import { simulate } from "./simulate";
import { eventsOfType } from "./timeline-queries";

describe("standalone Docker restart policies", () => {
  it("a restart resets the status to starting and the streak to 0, and keeps the log", () => {
    // interval 10: probe 1 at 10 ok → healthy; probe 2 at 20 fails → streak 1.
    // Exit at 25 after 25s ≥ 10s of uptime → backoff starts over at 100 ms → starts again at 25.1.
    // Status reset to starting, streak 0, log still holds probes 1–2. Probe 3 at 25.1+10 = 35.1 ok → healthy.
    const timeline = simulate(
      {
        platform: "docker",
        durationMs: 40_000,
        healthcheck: { intervalMs: 10_000 },
        restartPolicy: "always",
        exits: [{ atMs: 25_000, exitCode: 1 }],
      },
      scripted([
        { exitCode: 0, durationMs: 0 },
        { exitCode: 1, durationMs: 0 },
      ]),
    );
    expect(
      eventsOfType(timeline.events, "restart").map((restart) => [restart.atMs, restart.delayMs]),
    ).toEqual([[25_000, 100]]);
    expect(
      eventsOfType(timeline.events, "status-change").map((change) => [change.atMs, change.to, change.cause]),
    ).toEqual([
      [10_000, "healthy", "probe"],
      [25_100, "starting", "container-start"],
      [35_100, "healthy", "probe"],
    ]);
    expect(timeline.health.web?.log.map((entry) => [entry.startMs, entry.exitCode])).toEqual([
      [10_000, 0],
      [20_000, 1],
      [35_100, 0],
    ]);
  });

  it("does not restart an unhealthy container, even with --restart=always", () => {
    // The worked example: unhealthy at 99s. The container keeps running and keeps being probed:
    // 99+10 = 109 → 112, 122 → 125 … and nothing restarts it.
    const timeline = simulate(
      {
        platform: "docker",
        durationMs: 130_000,
        healthcheck: { intervalMs: 10_000, timeoutMs: 3_000, startPeriodMs: 30_000, startIntervalMs: 5_000 },
        restartPolicy: "always",
      },
      hangsFrom(64_000, healthyAfterBoot(8_000)),
    );
    expect(eventsOfType(timeline.events, "unhealthy-ignored").map((event) => event.atMs)).toEqual([99_000]);
    expect(
      timeline.events.some((event) => ["restart", "container-stop", "container-exit"].includes(event.type)),
    ).toBe(false);
    expect(
      eventsOfType(timeline.events, "probe-end")
        .slice(-2)
        .map((probe) => probe.atMs),
    ).toEqual([112_000, 125_000]);
    expect(timeline.health.web).toMatchObject({ status: "unhealthy", failingStreak: 5 });
  });

  it("restarts on exit with Docker's backoff, up to on-failure's maximum", () => {
    // on-failure:2. Exit at 1 (uptime 1s < 10s; backoff 0 → 100 ms) → start at 1.1.
    // Exit at 2 (uptime 0.9s; 100 → 200 ms) → start at 2.2. Exit at 3: 2 restarts done → stays exited.
    const timeline = simulate(
      {
        platform: "docker",
        durationMs: 10_000,
        restartPolicy: "on-failure:2",
        exits: [1_000, 2_000, 3_000].map((atMs) => ({ atMs, exitCode: 1 })),
      },
      alwaysHealthy(),
    );
    expect(
      eventsOfType(timeline.events, "restart").map((restart) => [restart.atMs, restart.delayMs]),
    ).toEqual([
      [1_000, 100],
      [2_000, 200],
    ]);
    expect(eventsOfType(timeline.events, "container-start").map((start) => start.atMs)).toEqual([
      0, 1_100, 2_200,
    ]);
  });

  it("on-failure ignores exit code 0; no never restarts", () => {
    const manager = INITIAL_RESTART_MANAGER;
    expect(decideRestart("on-failure", manager, { exitCode: 0, uptimeMs: 1 }).restart).toBe(false);
    expect(decideRestart("no", manager, { exitCode: 1, uptimeMs: 1 }).restart).toBe(false);
    expect(decideRestart("unless-stopped", manager, { exitCode: 0, uptimeMs: 1 }).restart).toBe(true);
  });

  it("doubles the delay up to one minute while the container keeps crashing fast", () => {
    // 100, 200, 400 … 51 200, then capped at 60 000 ms.
    let manager = INITIAL_RESTART_MANAGER;
    const delays: number[] = [];
    for (let crash = 0; crash < 11; crash++) {
      const decision = decideRestart("always", manager, { exitCode: 1, uptimeMs: 500 });
      manager = decision.manager;
      delays.push(decision.delayMs);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1_600, 3_200, 6_400, 12_800, 25_600, 51_200, 60_000]);
  });
});
