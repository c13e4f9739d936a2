import { z } from "zod";

/**
 * Pass criteria of the resource-limits, logging and secrets labs (spread into check-schema.ts).
 * Each reads the engine's summary, never the learner's settings, so a check judges what happened.
 */
const Label = { label: z.string().min(3).optional() };

export const memoryChecks = [
  /** The batch's first run exits 0: no crash, no restart on the way. */
  z.strictObject({ type: z.literal("batch-completes"), ...Label }),
  z.strictObject({ type: z.literal("no-oom-kill"), ...Label }),
  z.strictObject({ type: z.literal("no-heap-crash"), ...Label }),
  z.strictObject({ type: z.literal("no-swap"), ...Label }),
  /** memory.max minus the highest RAM charge, in MiB. */
  z.strictObject({ type: z.literal("memory-headroom"), atLeastMb: z.number().min(0), ...Label }),
  /** The node's budget for this container: memory.max at most this. */
  z.strictObject({ type: z.literal("memory-limit-at-most"), mb: z.number().min(6), ...Label }),
] as const;

export const cpuChecks = [
  /** Nearest-rank p99 of completed requests, strictly below. */
  z.strictObject({ type: z.literal("p99-below"), ms: z.number().min(1), ...Label }),
  /** Requests still waiting at the end: percentiles alone hide a queue that keeps growing. */
  z.strictObject({ type: z.literal("backlog-at-most"), requests: z.number().int().min(0), ...Label }),
  z.strictObject({ type: z.literal("cpus-at-most"), cpus: z.number().min(0.01), ...Label }),
] as const;

export const loggingChecks = [
  /** How far back `docker logs` still reaches at the end of the disk run. */
  z.strictObject({ type: z.literal("logs-retained"), atLeastMs: z.number().int().min(1), ...Label }),
  /** The most the log files ever took on disk, bytes (decimal MB as `df` shows them). */
  z.strictObject({ type: z.literal("log-disk-at-most"), bytes: z.number().int().min(1), ...Label }),
  z.strictObject({ type: z.literal("no-write-stall"), ...Label }),
  z.strictObject({ type: z.literal("dropped-lines-at-most"), lines: z.number().int().min(0), ...Label }),
] as const;

export const secretsChecks = [
  /** One of the secrets host's five judgements (lib/sim/secrets/loader.ts). */
  z.strictObject({
    type: z.literal("loader"),
    check: z.enum(["reads-files", "still-starts", "never-logs", "clear-missing-error", "no-leak-surfaces"]),
    ...Label,
  }),
] as const;
