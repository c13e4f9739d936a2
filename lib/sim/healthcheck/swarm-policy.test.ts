import { describe, expect, it } from "vitest";
import { alwaysHealthy, hangsFrom, healthyAfterBoot } from "./probes";
import { simulate } from "./simulate";
import type { TimelineEvent } from "./types";

const swarmEvents = (events: TimelineEvent[]) =>
  events
    .filter((event) => event.type.startsWith("task-") || event.type.startsWith("container-"))
    .map((event) => {
      if (event.type === "task-replaced") return [event.atMs, event.type, event.newTask];
      if ("task" in event) return [event.atMs, event.type, event.task];
      return [event.atMs, event.type, "container" in event ? event.container : ""];
    });

describe("Swarm", () => {
  it("runs a task only once healthy, and replaces an unhealthy one after the 5s restart delay", () => {
    // The worked example's healthcheck; the app boots in 8s and hangs after 64s of uptime.
    // Task 1: healthy at 10 → running. Unhealthy at 99 → task failed, container shut down.
    // 99 + 5 = 104: task 2 with a new container, status starting and an empty log.
    // Its probes: 104+5 = 109 (uptime 5 < 8: refused, not counted), 114 ok → healthy → running at 114.
    const timeline = simulate(
      {
        platform: "swarm",
        durationMs: 120_000,
        healthcheck: { intervalMs: 10_000, timeoutMs: 3_000, startPeriodMs: 30_000, startIntervalMs: 5_000 },
      },
      hangsFrom(64_000, healthyAfterBoot(8_000), "uptime"),
    );
    expect(swarmEvents(timeline.events)).toEqual([
      [0, "container-start", "web.1#1"],
      [10_000, "task-running", "web.1#1"],
      [99_000, "task-failed", "web.1#1"],
      [99_000, "container-stop", "web.1#1"],
      [104_000, "task-replaced", "web.1#2"],
      [104_000, "container-start", "web.1#2"],
      [114_000, "task-running", "web.1#2"],
    ]);
    expect(timeline.health["web.1#1"]?.status).toBe("unhealthy");
    expect(timeline.health["web.1#2"]?.log.map((entry) => [entry.startMs, entry.exitCode])).toEqual([
      [109_000, 1],
      [114_000, 0],
    ]);
    expect(timeline.summary).toMatchObject({ timeToFirstReadyMs: 10_000, replacements: 1 });
  });

  it("replaces a task whose container exits, after the configured delay", () => {
    // Exit at 20s; restart delay 1s → task 2 at 21s. Its first probe at 21 + 30 = 51 (defaults).
    const timeline = simulate(
      {
        platform: "swarm",
        durationMs: 60_000,
        restartDelayMs: 1_000,
        exits: [{ atMs: 20_000, exitCode: 137 }],
      },
      alwaysHealthy(),
    );
    expect(swarmEvents(timeline.events)).toEqual([
      [0, "container-start", "web.1#1"],
      [20_000, "container-exit", "web.1#1"],
      [20_000, "task-failed", "web.1#1"],
      [21_000, "task-replaced", "web.1#2"],
      [21_000, "container-start", "web.1#2"],
      [51_000, "task-running", "web.1#2"],
    ]);
  });
});
