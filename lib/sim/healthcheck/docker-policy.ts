/**
 * Standalone `docker run --restart=…`: the restart policy acts on exits only. An unhealthy
 * container keeps running (fact sheet §2.1; moby#28400 asks for more), which the timeline shows
 * with an `unhealthy-ignored` event.
 */
import { createDockerContainer, type DockerContainer } from "./docker-container";
import { resolveHealthcheck, type HealthcheckOptions } from "./options";
import { decideRestart, INITIAL_RESTART_MANAGER, type RestartPolicyName } from "./restart-manager";
import { createSim, runUntil, scheduleExits, type Sim } from "./sim";
import { toTimeline } from "./summary";
import type { ProbeProgram, ProcessExit, Timeline } from "./types";

export type DockerScenario = {
  platform: "docker";
  durationMs: number;
  /** Container name; default "web". */
  container?: string;
  /** `docker run --health-*` values (0 or missing = image value, else default). */
  healthcheck?: HealthcheckOptions;
  /** The image's HEALTHCHECK values. */
  image?: HealthcheckOptions;
  /** Default 27. */
  engineVersion?: number;
  /** Default "no". */
  restartPolicy?: RestartPolicyName;
  exits?: ProcessExit[];
};

/** Hooks Docker's restart manager onto a container. */
export function attachRestartPolicy(sim: Sim, container: DockerContainer, policy: RestartPolicyName) {
  let manager = INITIAL_RESTART_MANAGER;
  container.subscribe({
    onStatusChange(status) {
      if (status === "unhealthy") sim.emit({ type: "unhealthy-ignored", container: container.name });
    },
    onExit(exitCode, uptimeMs) {
      const decision = decideRestart(policy, manager, { exitCode, uptimeMs });
      manager = decision.manager;
      if (!decision.restart) return;
      sim.emit({
        type: "restart",
        container: container.name,
        reason: `exited with code ${exitCode}; restart policy ${policy}`,
        delayMs: decision.delayMs,
        restartCount: manager.restartCount,
      });
      container.restartAfter(decision.delayMs);
    },
  });
}

export function simulateDocker(scenario: DockerScenario, program: ProbeProgram): Timeline {
  const sim = createSim();
  const container = createDockerContainer(sim, {
    name: scenario.container ?? "web",
    healthcheck: resolveHealthcheck(scenario.healthcheck, {
      image: scenario.image,
      engineVersion: scenario.engineVersion,
    }),
    program,
  });
  attachRestartPolicy(sim, container, scenario.restartPolicy ?? "no");
  scheduleExits(sim, scenario.exits, (exitCode) => container.exit(exitCode));
  container.start("initial");
  runUntil(sim, scenario.durationMs);
  return toTimeline(sim.events, { [container.name]: container.health });
}
