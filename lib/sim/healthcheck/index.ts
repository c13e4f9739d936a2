/** Public API of the health-check engine. */
export { simulate, type Scenario } from "./simulate";
export type { DockerScenario } from "./docker-policy";
export type { ComposeScenario } from "./compose-policy";
export type { SwarmScenario } from "./swarm-policy";
export type { KubernetesScenario } from "./kubernetes-policy";
export type { NginxScenario } from "./nginx-upstream";
export type { UpstreamServer } from "./nginx-peers";
export type { KubernetesProbeOptions } from "./kubernetes-options";
export type { RestartPolicyName } from "./restart-manager";
export { resolveHealthcheck, DOCKER_HEALTHCHECK_DEFAULTS, type HealthcheckOptions } from "./options";
export { narrate, formatSeconds } from "./narrate";
export { summarize } from "./summary";
export * from "./probes";
export type * from "./types";
export { eventsOfType, type EventOfType } from "./timeline-queries";
