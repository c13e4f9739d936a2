import { z } from "zod";

/**
 * The CPU scenario: a request workload on a container started with `--cpus`. Docker turns
 * `--cpus=c` into a CFS period of 100 ms and a quota of c × 100 ms (cgroup v2 `cpu.max`).
 */
export const CpuScenarioSchema = z.object({
  /** `--cpus`; null: no quota. */
  cpus: z.number().min(0.01).max(256).nullable().default(null),
  /** Threads that can run the app's work at once: 1 for a single Node process (one event loop). */
  threads: z.number().int().min(1).max(64).default(1),
  requestsPerSecond: z.number().min(0).max(10_000).default(40),
  /** uniform: request k arrives at ⌊k·10⁶/rate⌋ µs; poisson: seeded exponential gaps. */
  arrivals: z.enum(["uniform", "poisson"]).default("uniform"),
  /** CPU time one request needs. */
  cpuMsPerRequest: z.number().min(0.001).max(60_000).default(20),
  /** fixed: every request costs exactly cpuMsPerRequest; exponential: seeded, that mean. */
  cost: z.enum(["fixed", "exponential"]).default("fixed"),
  seed: z.number().int().default(1),
  horizonMs: z.number().int().min(1).max(7 * 24 * 3_600_000).default(60_000),
  sampleEveryMs: z.number().int().min(100).default(1_000),
});

export type CpuScenarioInput = z.input<typeof CpuScenarioSchema>;
export type CpuScenario = z.output<typeof CpuScenarioSchema>;

export const CFS_PERIOD_US = 100_000;

/** `cpu.max` as Docker writes it: quota and period in µs (quota null = "max"). */
export function cpuMax(cpus: number | null): { quotaUs: number | null; periodUs: number } {
  // moby daemon/daemon_unix.go: quota = NanoCPUs × period / 1e9.
  return { quotaUs: cpus === null ? null : Math.round(cpus * CFS_PERIOD_US), periodUs: CFS_PERIOD_US };
}

export function parseCpuScenario(input: CpuScenarioInput): CpuScenario {
  const parsed = CpuScenarioSchema.safeParse(input);
  if (!parsed.success)
    throw new RangeError(
      `invalid CPU scenario: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  return parsed.data;
}
