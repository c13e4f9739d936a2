import { MemoryScenarioError, simulateCpu, simulateMemory } from "@/lib/sim/memory";
import { describeCheck } from "../check-labels";
import { judgeCpuCheck, judgeMemoryCheck } from "../checks/memory";
import type { CpuCheck, MemoryCheck } from "../check-schema";
import { settingsRefused, type OpsOutcome } from "../ops/outcome";
import type { ParamValues } from "../params-schema";
import type { LabOfKind } from "../schema";
import { capList, MAX_SAMPLES, MAX_TIMELINE_EVENTS } from "../timeline";

/**
 * The memory lab: the learner's flags on the lab's workload. 0 means "not set" for
 * --memory-swap (Docker then allows as much swap as memory) and --max-old-space-size (Node sizes
 * the heap from the container's limit).
 */
export function runMemoryLab(
  lab: LabOfKind<"memory-config">,
  params: ParamValues<"memory-config">,
): OpsOutcome {
  const { app: _app, ...scenario } = lab.scenario;
  let result;
  try {
    result = simulateMemory({
      ...scenario,
      memoryMb: params.memory,
      memorySwapMb: params.memorySwap === 0 ? null : params.memorySwap,
      maxOldSpaceSizeMb: params.maxOldSpaceSize === 0 ? null : params.maxOldSpaceSize,
    });
  } catch (error) {
    if (!(error instanceof MemoryScenarioError)) throw error;
    // The daemon's own validation (e.g. --memory-swap below --memory): docker run refuses to start.
    const message = error.issues.map((issue) => issue.replace(/^[^:]*: /, "")).join("; ");
    return settingsRefused("docker run", message, lab.checks.map(describeCheck));
  }
  const events = capList(result.events, MAX_TIMELINE_EVENTS);
  const samples = capList(result.samples, MAX_SAMPLES);
  return {
    checks: lab.checks.map((check) => judgeMemoryCheck(check as MemoryCheck, result)),
    ran: {
      timeline: {
        kind: "memory",
        events: events.items,
        omittedEvents: events.omitted,
        samples: samples.items,
        omittedSamples: samples.omitted,
      },
      summary: { kind: "memory", summary: result.summary },
    },
  };
}

/** The CPU lab: `--cpus` typed in thousandths (millicpus, as Kubernetes writes 600m). */
export function runCpuLab(lab: LabOfKind<"cpu-config">, params: ParamValues<"cpu-config">): OpsOutcome {
  const { app: _app, ...scenario } = lab.scenario;
  const result = simulateCpu({ ...scenario, cpus: params.cpus / 1000 });
  const samples = capList(result.samples, MAX_SAMPLES);
  return {
    checks: lab.checks.map((check) => judgeCpuCheck(check as CpuCheck, result)),
    ran: {
      timeline: {
        kind: "cpu",
        samples: samples.items,
        omittedSamples: samples.omitted,
        p99TargetMs: lab.checks.find((check) => check.type === "p99-below")?.ms ?? null,
      },
      summary: { kind: "cpu", summary: result.summary },
    },
  };
}
