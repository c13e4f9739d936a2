/**
 * One Docker container with a HEALTHCHECK, running on the shared virtual clock: it schedules its
 * probes, feeds results through the health state machine and tells listeners (the policies) about
 * status changes and exits. It never restarts itself; policies decide that.
 */
import { INITIAL_HEALTH, nextProbeGapMs, recordProbeResult, resetForStart } from "./health-state";
import type { ResolvedHealthcheck } from "./options";
import { applyTimeout } from "./probe-outcome";
import type { Sim } from "./sim";
import type { HealthState, HealthStatus, ProbeProgram, StartReason } from "./types";

export type ContainerState = "created" | "running" | "restarting" | "exited" | "stopped";

export type ContainerListener = {
  onStatusChange?(status: HealthStatus): void;
  onExit?(exitCode: number, uptimeMs: number): void;
};

export type DockerContainer = {
  readonly name: string;
  readonly state: ContainerState;
  readonly health: HealthState;
  subscribe(listener: ContainerListener): void;
  start(reason: StartReason): void;
  /** The main process exits by itself. */
  exit(exitCode: number): void;
  /** An orchestrator shuts the container down. */
  stop(reason: string): void;
  /** Marks the container as restarting and starts it again after `delayMs`. */
  restartAfter(delayMs: number): void;
};

export function createDockerContainer(
  sim: Sim,
  spec: { name: string; healthcheck: ResolvedHealthcheck; program: ProbeProgram },
): DockerContainer {
  const { name, healthcheck, program } = spec;
  const listeners: ContainerListener[] = [];
  let state: ContainerState = "created";
  let health = INITIAL_HEALTH;
  let startedAtMs = 0;
  let startNumber = 0;
  let probeNumber = 0;
  // Bumped on every start and stop: callbacks scheduled for an older run of the container are stale.
  let generation = 0;

  const isCurrent = (scheduledIn: number) => scheduledIn === generation && state === "running";

  function scheduleProbe(gapMs: number) {
    const scheduledIn = generation;
    sim.after(gapMs, () => {
      if (isCurrent(scheduledIn)) runProbe();
    });
  }

  function runProbe() {
    const probeStartMs = sim.nowMs;
    const number = ++probeNumber;
    const outcome = applyTimeout(
      program({
        nowMs: probeStartMs,
        sinceStartMs: probeStartMs - startedAtMs,
        probeNumber: number,
        kind: "healthcheck",
      }),
      healthcheck.timeoutMs,
    );
    sim.emit({ type: "probe-start", container: name, probe: "healthcheck", probeNumber: number });
    const scheduledIn = generation;
    sim.after(outcome.durationMs, () => {
      // Docker discards the result of a probe cancelled by a stop.
      if (!isCurrent(scheduledIn)) return;
      const from = health.status;
      const entry = {
        startMs: probeStartMs,
        endMs: sim.nowMs,
        exitCode: outcome.exitCode,
        output: outcome.output,
      };
      const recorded = recordProbeResult(health, entry, {
        containerStartedAtMs: startedAtMs,
        startPeriodMs: healthcheck.startPeriodMs,
        retries: healthcheck.retries,
      });
      health = recorded.state;
      sim.emit({
        type: "probe-end",
        container: name,
        probe: "healthcheck",
        probeNumber: number,
        startedAtMs: probeStartMs,
        durationMs: outcome.durationMs,
        exitCode: outcome.exitCode,
        output: outcome.output,
        timedOut: outcome.timedOut,
        timeoutMs: healthcheck.timeoutMs,
        success: outcome.exitCode === 0,
        counted: recorded.counted,
        streak: health.failingStreak,
        threshold: healthcheck.retries,
      });
      if (health.status !== from) {
        sim.emit({ type: "status-change", container: name, from, to: health.status, cause: "probe" });
        for (const listener of listeners) listener.onStatusChange?.(health.status);
      }
      // A listener may have stopped the container (Swarm on unhealthy).
      if (isCurrent(scheduledIn))
        scheduleProbe(
          nextProbeGapMs(healthcheck, { sinceStartMs: sim.nowMs - startedAtMs, status: health.status }),
        );
    });
  }

  function start(reason: StartReason) {
    const from = health.status;
    generation++;
    state = "running";
    startedAtMs = sim.nowMs;
    startNumber++;
    health = resetForStart(health);
    sim.emit({ type: "container-start", container: name, startNumber, reason });
    if (from !== "starting")
      sim.emit({ type: "status-change", container: name, from, to: "starting", cause: "container-start" });
    scheduleProbe(nextProbeGapMs(healthcheck, { sinceStartMs: 0, status: "starting" }));
  }

  function halt(next: ContainerState) {
    state = next;
    generation++;
  }

  return {
    name,
    get state() {
      return state;
    },
    get health() {
      return health;
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    start,
    exit(exitCode) {
      if (state !== "running") return;
      halt("exited");
      const uptimeMs = sim.nowMs - startedAtMs;
      sim.emit({ type: "container-exit", container: name, exitCode, uptimeMs });
      for (const listener of listeners) listener.onExit?.(exitCode, uptimeMs);
    },
    stop(reason) {
      if (state !== "running") return;
      halt("stopped");
      sim.emit({ type: "container-stop", container: name, reason });
    },
    restartAfter(delayMs) {
      halt("restarting");
      const scheduledIn = generation;
      sim.after(delayMs, () => {
        if (scheduledIn === generation) start("restart");
      });
    },
  };
}
