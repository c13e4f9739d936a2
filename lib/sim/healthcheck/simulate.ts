/**
 * The engine's entry point: a pure function of (scenario, probe program) → timeline.
 * The same inputs always give the same timeline; nothing here reads a real clock or does I/O.
 */
import { simulateCompose, type ComposeScenario } from "./compose-policy";
import { simulateDocker, type DockerScenario } from "./docker-policy";
import { simulateKubernetes, type KubernetesScenario } from "./kubernetes-policy";
import { simulateNginx, type NginxScenario } from "./nginx-upstream";
import { simulateSwarm, type SwarmScenario } from "./swarm-policy";
import type { ProbeProgram, Timeline } from "./types";

export type Scenario = DockerScenario | ComposeScenario | SwarmScenario | KubernetesScenario | NginxScenario;

export function simulate(scenario: Scenario, program: ProbeProgram): Timeline {
  switch (scenario.platform) {
    case "docker":
      return simulateDocker(scenario, program);
    case "compose":
      return simulateCompose(scenario, program);
    case "swarm":
      return simulateSwarm(scenario, program);
    case "kubernetes":
      return simulateKubernetes(scenario, program);
    case "nginx":
      return simulateNginx(scenario, program);
  }
}
