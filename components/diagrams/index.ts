// Lesson diagrams, registered for MDX in components/lesson/mdx-components.tsx.
export { ExpandContract } from "./expand-contract";
export { HealthStateMachine } from "./health-state-machine";
export { LoggingPipeline } from "./logging-pipeline";
export { PrometheusTopology } from "./prometheus-topology";
export { RollingUpdateCapacity } from "./rolling-update-capacity";
export { ShutdownSequence } from "./shutdown-sequence";
export { TerminationRace } from "./termination-race";
export { VolumeVsBindMount } from "./volume-vs-bind-mount";
