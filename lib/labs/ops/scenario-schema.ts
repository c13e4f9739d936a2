import { z } from "zod";
import { DeliveryScenarioSchema } from "@/lib/sim/logging/delivery";
import { LogPhaseSchema } from "@/lib/sim/logging/files-schema";
import { CpuScenarioSchema } from "@/lib/sim/memory/cpu-schema";
import { RESTART_POLICY, WorkloadSchema } from "@/lib/sim/memory/schema";
import { ContainerSpecSchema } from "@/lib/sim/secrets/container";

/**
 * The fixed scenarios of the resource-limits, logging and secrets labs: each engine's own input
 * without the settings the learner picks (those come from the lab's params and are merged in by
 * the runners). Times are integer milliseconds of virtual time.
 */
const Ms = z.number().int().min(0);
const DAY_MS = 24 * 3_600_000;

/** A Node app in a container; the learner adds --memory, --memory-swap and --max-old-space-size. */
export const MemoryLabScenarioSchema = z.strictObject({
  /** What the app is, in a sentence for the page. */
  app: z.string().min(10),
  workload: WorkloadSchema,
  restartPolicy: z.string().regex(RESTART_POLICY, "use no, always, unless-stopped or on-failure[:N]"),
  hostMemoryMb: z.number().min(64).optional(),
  hostSwapMb: z.number().min(0).optional(),
  horizonMs: Ms.min(1).max(DAY_MS),
  sampleEveryMs: Ms.min(1_000).optional(),
});

/** A request workload; the learner picks --cpus. */
export const CpuLabScenarioSchema = z.strictObject({
  app: z.string().min(10),
  ...CpuScenarioSchema.omit({ cpus: true }).shape,
});

/**
 * Two runs of the same logging options: a week of lines on the node's disk under the file driver
 * picked, and the same app shipping lines to a collector that slows down (mode, max-buffer-size).
 */
export const LoggingLabScenarioSchema = z.strictObject({
  app: z.string().min(10),
  disk: z.strictObject({
    phases: z.array(LogPhaseSchema).min(1),
    diskBytes: z.number().int().min(1).optional(),
    horizonMs: Ms.min(1).max(31 * DAY_MS),
    sampleEveryMs: Ms.min(60_000).optional(),
  }),
  delivery: z.strictObject(DeliveryScenarioSchema.omit({ mode: true, maxBufferSize: true }).shape),
});

/** The container the learner's loader starts in, and the secrets it must load. */
export const SecretsCodeScenarioSchema = z.strictObject({
  container: ContainerSpecSchema,
  required: z
    .array(
      z.strictObject({ name: z.string().min(1), configKey: z.string().min(1), value: z.string().min(1) }),
    )
    .min(1),
});

export type MemoryLabScenario = z.output<typeof MemoryLabScenarioSchema>;
export type CpuLabScenario = z.output<typeof CpuLabScenarioSchema>;
export type LoggingLabScenario = z.output<typeof LoggingLabScenarioSchema>;
export type SecretsCodeScenario = z.output<typeof SecretsCodeScenarioSchema>;
