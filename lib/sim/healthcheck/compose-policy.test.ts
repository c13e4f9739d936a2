import { describe, expect, it } from "vitest";
import { alwaysFailing, failsBetween, healthyAfterBoot } from "./probes";
import { simulate } from "./simulate";
import { eventsOfType } from "./timeline-queries";
import type { TimelineEvent } from "./types";

const dependantEvents = (events: TimelineEvent[]) =>
  events
    .filter((event) => event.type.startsWith("dependant-") || event.type === "unhealthy-ignored")
    .map((event) => [event.atMs, event.type]);

describe("Compose depends_on: condition: service_healthy", () => {
  it("waits while the dependency is starting and starts the dependant at the first poll after healthy", () => {
    // db: start period 30, start interval 5, interval 10; listening from 12s; answers take 20 ms;
    // requests fail from t=40s.
    // Probes 5, 10 refused (not counted); 15 → 15.02 ok → healthy. Compose polls every 0.5s: 15.5 starts web.
    // Afterwards 25.02 → 25.04, 35.04 → 35.06 ok; 45.06, 55.06, 65.06 fail → unhealthy at 65.06:
    // Compose no longer watches, so web is unaffected.
    const timeline = simulate(
      {
        platform: "compose",
        durationMs: 70_000,
        healthcheck: { intervalMs: 10_000, startPeriodMs: 30_000, startIntervalMs: 5_000 },
      },
      failsBetween(40_000, Infinity, healthyAfterBoot(12_000, { responseMs: 20 })),
    );
    expect(dependantEvents(timeline.events)).toEqual([
      [0, "dependant-waiting"],
      [15_500, "dependant-started"],
      [65_060, "unhealthy-ignored"],
    ]);
    expect(
      eventsOfType(timeline.events, "container-start").map((start) => [start.atMs, start.container]),
    ).toEqual([
      [0, "db"],
      [15_500, "web"],
    ]);
    expect(timeline.summary.timeToFirstHealthyMs).toBe(15_020);
  });

  it("fails the dependant when the dependency becomes unhealthy while it waits", () => {
    // No start period, interval 10: failures at 10, 20, 30 → unhealthy at 30. The poll due at 30 runs first
    // (it was scheduled earlier) and still sees starting; the one at 30.5 sees unhealthy.
    const timeline = simulate(
      { platform: "compose", durationMs: 40_000, healthcheck: { intervalMs: 10_000 } },
      alwaysFailing(),
    );
    const failed = eventsOfType(timeline.events, "dependant-failed");
    expect(failed.map((event) => [event.atMs, event.reason])).toEqual([
      [30_500, "dependency failed to start: container db is unhealthy"],
    ]);
    expect(timeline.summary.dependantStartedAtMs).toBeNull();
  });

  it("fails the dependant when the dependency exits", () => {
    // db exits with code 1 at 12s, no restart policy. The exit was scheduled at t=0, before the poll due
    // at 12 (scheduled at 11.5), so that poll already sees the container exited.
    const timeline = simulate(
      {
        platform: "compose",
        durationMs: 20_000,
        healthcheck: { intervalMs: 10_000 },
        exits: [{ atMs: 12_000, exitCode: 1 }],
      },
      healthyAfterBoot(15_000),
    );
    expect(
      eventsOfType(timeline.events, "dependant-failed").map((event) => [event.atMs, event.reason]),
    ).toEqual([[12_000, "dependency failed to start: container db exited (1)"]]);
  });

  it("keeps waiting through a restart-policy restart of the dependency", () => {
    // restart: always. Probe at 10 refused (streak 1). Exit at 12 after 12s → restart in 100 ms → 12.1,
    // status back to starting. The exit runs before the poll due at 12 (scheduled at t=0), which then
    // sees "restarting", not "exited". Probes 22.1 (uptime 10 < 15: refused), 32.1 ok → healthy → poll 32.5.
    const timeline = simulate(
      {
        platform: "compose",
        durationMs: 40_000,
        healthcheck: { intervalMs: 10_000 },
        restartPolicy: "always",
        exits: [{ atMs: 12_000, exitCode: 1 }],
      },
      healthyAfterBoot(15_000),
    );
    expect(dependantEvents(timeline.events)).toEqual([
      [0, "dependant-waiting"],
      [32_500, "dependant-started"],
    ]);
  });
});
