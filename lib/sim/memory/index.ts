/**
 * The memory and CPU engine: pure, deterministic functions from a scenario to a timeline.
 * simulateMemory: cgroup v2 memory limits, V8's heap limit, the OOM killer and restart policies.
 * simulateCpu: CFS quota from --cpus turning a request workload into throttling and latency.
 */
export { simulateMemory } from "./run";
export { simulateCpu, type CpuResult, type CpuSample, type CpuSummary } from "./cpu";
export { cpuMax, CFS_PERIOD_US, CpuScenarioSchema, type CpuScenario, type CpuScenarioInput } from "./cpu-schema";
export { defaultHeapMb, resolveLimits, type Limits } from "./limits";
export { narrateMemory, narrateMemoryAll } from "./narrate";
export { percentile } from "./percentile";
export {
  MemoryScenarioError,
  MemoryScenarioSchema,
  parseMemoryScenario,
  type MemoryScenario,
  type MemoryScenarioInput,
} from "./schema";
export type * from "./types";
