/**
 * Compose `depends_on: { <dependency>: { condition: service_healthy } }` (fact sheet §2.3).
 * `docker compose up` polls the dependency every 500 ms (docker/compose pkg/compose/convergence.go
 * waitDependencies): `starting` keeps it waiting, `healthy` starts the dependant, `unhealthy` or an
 * exited container makes the dependant fail to start. Once the dependant runs, Compose stops
 * watching: a dependency that turns unhealthy later changes nothing.
 */
import { attachRestartPolicy } from "./docker-policy";
import { createDockerContainer, type DockerContainer } from "./docker-container";
import { resolveHealthcheck, type HealthcheckOptions } from "./options";
import type { RestartPolicyName } from "./restart-manager";
import { createSim, runUntil, scheduleExits, type Sim } from "./sim";
import { toTimeline } from "./summary";
import type { ProbeProgram, ProcessExit, Timeline } from "./types";

export const COMPOSE_POLL_INTERVAL_MS = 500;

export type ComposeScenario = {
  platform: "compose";
  durationMs: number;
  /** Service with the healthcheck; default "db". */
  dependency?: string;
  /** Service that waits for it; default "web". */
  dependant?: string;
  /** The dependency's healthcheck. */
  healthcheck?: HealthcheckOptions;
  engineVersion?: number;
  /** The dependency's `restart:`; default "no". */
  restartPolicy?: RestartPolicyName;
  /** Exits of the dependency's main process. */
  exits?: ProcessExit[];
};

/** Waits for `dependency` to be healthy, polling like Compose, then starts the dependant. */
export function watchDependency(
  sim: Sim,
  dependency: DockerContainer,
  dependant: { name: string; start(): void },
) {
  const names = { dependant: dependant.name, dependency: dependency.name };
  sim.emit({ type: "dependant-waiting", ...names });
  let lastExitCode = 0;
  dependency.subscribe({
    onExit(exitCode) {
      lastExitCode = exitCode;
    },
  });

  const poll = () => {
    const problem = dependencyProblem(dependency, lastExitCode);
    if (problem) {
      sim.emit({ type: "dependant-failed", ...names, reason: `dependency failed to start: ${problem}` });
    } else if (dependency.health.status === "healthy") {
      sim.emit({ type: "dependant-started", ...names });
      dependant.start();
    } else {
      sim.after(COMPOSE_POLL_INTERVAL_MS, poll);
    }
  };
  sim.after(COMPOSE_POLL_INTERVAL_MS, poll);
}

/** Compose's error for a dependency that can no longer become healthy, or null while there is hope. */
function dependencyProblem(dependency: DockerContainer, lastExitCode: number): string | null {
  // "restarting" is not "exited": Compose keeps waiting through a restart-policy restart.
  if (dependency.state === "exited" || dependency.state === "stopped")
    return `container ${dependency.name} exited (${lastExitCode})`;
  if (dependency.health.status === "unhealthy") return `container ${dependency.name} is unhealthy`;
  return null;
}

export function simulateCompose(scenario: ComposeScenario, program: ProbeProgram): Timeline {
  const sim = createSim();
  const dependency = createDockerContainer(sim, {
    name: scenario.dependency ?? "db",
    healthcheck: resolveHealthcheck(scenario.healthcheck, { engineVersion: scenario.engineVersion }),
    program,
  });
  attachRestartPolicy(sim, dependency, scenario.restartPolicy ?? "no");
  scheduleExits(sim, scenario.exits, (exitCode) => dependency.exit(exitCode));
  const dependantName = scenario.dependant ?? "web";
  dependency.start("initial");
  watchDependency(sim, dependency, {
    name: dependantName,
    // The dependant has no healthcheck of its own here: it simply starts.
    start: () =>
      sim.emit({
        type: "container-start",
        container: dependantName,
        startNumber: 1,
        reason: "dependency-healthy",
      }),
  });
  runUntil(sim, scenario.durationMs);
  return toTimeline(sim.events, { [dependency.name]: dependency.health });
}
