/**
 * A Swarm service with one replica and restart condition `any` (fact sheet §2.2). A task whose
 * container has a healthcheck is not running until `healthy`. When the container turns
 * `unhealthy` (or exits), Swarm shuts it down, marks the task failed and, after the restart delay
 * (5 s by default), starts a replacement task: a new container with a fresh health state and log.
 * Shutting down is modelled as instant; stop grace periods are the shutdown engine's subject.
 */
import { createDockerContainer } from "./docker-container";
import { resolveHealthcheck, type HealthcheckOptions } from "./options";
import { createSim, runUntil, scheduleExits } from "./sim";
import { toTimeline } from "./summary";
import type { HealthState, ProbeProgram, ProcessExit, Timeline } from "./types";

export const SWARM_DEFAULT_RESTART_DELAY_MS = 5_000;

export type SwarmScenario = {
  platform: "swarm";
  durationMs: number;
  /** Service name; tasks are called `<service>.1#<n>`. Default "web". */
  service?: string;
  healthcheck?: HealthcheckOptions;
  engineVersion?: number;
  /** `deploy.restart_policy.delay`; default 5 s. */
  restartDelayMs?: number;
  exits?: ProcessExit[];
};

export function simulateSwarm(scenario: SwarmScenario, program: ProbeProgram): Timeline {
  const sim = createSim();
  const service = scenario.service ?? "web";
  const healthcheck = resolveHealthcheck(scenario.healthcheck, { engineVersion: scenario.engineVersion });
  const restartDelayMs = scenario.restartDelayMs ?? SWARM_DEFAULT_RESTART_DELAY_MS;
  const health: Record<string, HealthState> = {};
  let current = startTask(1);

  function startTask(taskNumber: number) {
    const task = `${service}.1#${taskNumber}`;
    const container = createDockerContainer(sim, { name: task, healthcheck, program });
    let failed = false;

    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      sim.emit({ type: "task-failed", task, reason });
      container.stop(`Swarm shuts down the container of failed task ${task}`);
      health[task] = container.health;
      sim.after(restartDelayMs, () => {
        const next = `${service}.1#${taskNumber + 1}`;
        sim.emit({ type: "task-replaced", oldTask: task, newTask: next });
        current = startTask(taskNumber + 1);
      });
    };

    container.subscribe({
      onStatusChange(status) {
        if (status === "healthy") sim.emit({ type: "task-running", task });
        if (status === "unhealthy") fail("container unhealthy");
      },
      onExit(exitCode) {
        fail(`container exited with code ${exitCode}`);
      },
    });
    container.start(taskNumber === 1 ? "initial" : "replacement");
    return container;
  }

  scheduleExits(sim, scenario.exits, (exitCode) => current.exit(exitCode));
  runUntil(sim, scenario.durationMs);
  health[current.name] = current.health;
  return toTimeline(sim.events, health);
}
