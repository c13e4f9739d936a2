import { describe, expect, it } from "vitest";
import { narrate } from "./narrate";
import { alwaysHealthy, failsBetween, healthyAfterBoot } from "./probes";
import { simulate } from "./simulate";

describe("narrate", () => {
  it("tells a Docker timeline in plain sentences", () => {
    // start period 30, start interval 5: 5 refused (not counted), 10 ok → healthy.
    const timeline = simulate(
      {
        platform: "docker",
        durationMs: 10_000,
        healthcheck: { intervalMs: 10_000, startPeriodMs: 30_000, startIntervalMs: 5_000 },
      },
      healthyAfterBoot(8_000),
    );
    expect(timeline.events.filter((event) => event.type !== "probe-start").map(narrate)).toEqual([
      "t=0s: container web started",
      "t=5s: probe 1 failed (exit 1) inside the start period while starting: not counted (failing streak 0 of 3)",
      "t=10s: probe 2 succeeded in 0s; failing streak reset to 0",
      "t=10s: health_status: healthy (web was starting)",
    ]);
  });

  it("tells Kubernetes readiness changes", () => {
    // Readiness ticks 10 ok → Ready; 20, 30, 40 fail → not Ready at 40.
    const timeline = simulate(
      { platform: "kubernetes", durationMs: 40_000, readinessProbe: {} },
      failsBetween(20_000, Infinity, alwaysHealthy()),
    );
    const sentences = timeline.events.map(narrate);
    expect(sentences).toContain(
      "t=10s: Pod web is Ready and added to the Service endpoints (readiness probe succeeded)",
    );
    expect(sentences).toContain("t=40s: readiness probe 4 failed (exit 1); 3 of 3 consecutive failures");
    expect(sentences).toContain(
      "t=40s: Pod web is not Ready and removed from the Service endpoints (readiness probe failed 3 times in a row)",
    );
  });

  it("tells an nginx request that was passed on", () => {
    const timeline = simulate(
      {
        platform: "nginx",
        durationMs: 1_000,
        servers: [{ name: "a" }, { name: "b", program: failsBetween(0, 5_000, alwaysHealthy()) }],
        requests: { everyMs: 1_000 },
      },
      alwaysHealthy(),
    );
    expect(timeline.events.map(narrate).slice(1)).toEqual([
      "t=1s: nginx marks b unavailable (1 failed attempt(s), max_fails=1: skipped for fail_timeout)",
      "t=1s: request 2 answered 200 after 0s (b error, a ok)",
    ]);
  });
});
