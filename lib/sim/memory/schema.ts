import { z } from "zod";

/**
 * The memory scenario: a Node app in a container under cgroup v2, described with the flags a
 * learner types (`--memory`, `--memory-swap`, `--max-old-space-size`, `--restart`). Sizes are MiB
 * (Docker's `512m` is 512 MiB), durations integer milliseconds.
 */
const Ms = z.number().int().min(0);
const MiB = z.number().min(0);

export const RESTART_POLICY = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;

/** One stretch of the app's life: its live heap and off-heap memory grow (or shrink) linearly. */
export const PhaseSchema = z.object({
  /** null: forever (only allowed for the last phase). */
  durationMs: Ms.min(1).nullable(),
  heapMbPerMin: z.number().default(0),
  /** Buffers, ArrayBuffers and native allocations: in RSS but outside V8's heap limit. */
  externalMbPerMin: z.number().default(0),
});

export const WorkloadSchema = z.object({
  /** Code, stacks, the V8 runtime itself: RSS that is neither heap nor external. */
  nativeMb: MiB.default(40),
  /** Live V8 heap right after start. */
  heapMb: MiB.default(10),
  externalMb: MiB.default(0),
  phases: z.array(PhaseSchema).min(1).default([{ durationMs: null, heapMbPerMin: 0, externalMbPerMin: 0 }]),
  /** After the last finite phase: a batch job exits 0, a server keeps its memory and runs on. */
  whenDone: z.enum(["exit", "idle"]).default("idle"),
});

export const MemoryScenarioSchema = z
  .object({
    /** `--memory` (memory.max); null: no limit (the host's RAM is the limit). Docker's minimum is 6 MiB. */
    memoryMb: MiB.min(6).nullable().default(null),
    /** `--memory-swap`: memory PLUS swap; null: unset (Docker makes it 2 × memory); -1: unlimited. */
    memorySwapMb: z.union([z.literal(-1), MiB.min(6)]).nullable().default(null),
    /** `node --max-old-space-size`; null: Node sizes the heap from the (constrained) memory. */
    maxOldSpaceSizeMb: z.number().int().min(1).nullable().default(null),
    hostMemoryMb: MiB.min(64).default(8_192),
    /** Swap the host has at all (a modelling default; many servers have none). */
    hostSwapMb: MiB.default(2_048),
    workload: WorkloadSchema.prefault({}),
    restartPolicy: z.string().regex(RESTART_POLICY, "use no, always, unless-stopped or on-failure[:N]").default("no"),
    horizonMs: Ms.min(1)
      .max(7 * 24 * 3_600_000)
      .default(3_600_000),
    sampleEveryMs: Ms.min(100).default(10_000),
  })
  .superRefine((scenario, ctx) => {
    // The daemon's own checks (moby daemon/daemon_unix.go verifyPlatformContainerResources).
    if (scenario.memorySwapMb !== null && scenario.memorySwapMb !== -1) {
      if (scenario.memoryMb === null)
        ctx.addIssue({ code: "custom", path: ["memorySwapMb"], message: "set --memory when you set --memory-swap" });
      else if (scenario.memorySwapMb < scenario.memoryMb)
        ctx.addIssue({
          code: "custom",
          path: ["memorySwapMb"],
          message: "--memory-swap is memory plus swap, so it must be at least --memory",
        });
    }
    const open = scenario.workload.phases.findIndex((phase) => phase.durationMs === null);
    if (open >= 0 && open !== scenario.workload.phases.length - 1)
      ctx.addIssue({ code: "custom", path: ["workload", "phases"], message: "only the last phase may last forever" });
  });

export type MemoryScenarioInput = z.input<typeof MemoryScenarioSchema>;
export type MemoryScenario = z.output<typeof MemoryScenarioSchema>;
export type Workload = MemoryScenario["workload"];

export class MemoryScenarioError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid memory scenario: ${issues.join("; ")}`);
    this.name = "MemoryScenarioError";
  }
}

export function parseMemoryScenario(input: MemoryScenarioInput): MemoryScenario {
  const parsed = MemoryScenarioSchema.safeParse(input);
  if (!parsed.success)
    throw new MemoryScenarioError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return parsed.data;
}
