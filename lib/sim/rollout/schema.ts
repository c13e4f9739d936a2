import { z } from "zod";

/**
 * The rollout scenario: what a lab or test hands the engine. Every duration is integer
 * milliseconds (`delayMs` for Swarm's `delay`, `minReadyMs` for `minReadySeconds`, …), so one unit
 * runs through the whole engine. Defaults follow fact-sheet §3 and §6; the few that are modelling
 * choices rather than platform defaults say so.
 */
const Ms = z.number().int().min(0);

/** How one version of the app behaves. */
function versionSchema(label: string) {
  return z.object({
    label: z.string().min(1).default(label),
    /** Created → process running (image pulled, container started). */
    startMs: Ms.default(0),
    /** Running → listening and passing its health/readiness check; null: never (a broken version). */
    readyAfterMs: Ms.nullable().default(10_000),
    /** Running → the process exits with an error (or is marked unhealthy and killed); null: never. */
    crashAfterMs: Ms.nullable().default(null),
    /** Share of requests it answers with an error while still passing health checks. */
    errorRate: z.number().min(0).max(1).default(0),
    /** SIGTERM → exit, once nothing is left in flight (its graceful drain). */
    shutdownMs: Ms.default(2_000),
    /** After SIGTERM it keeps accepting new requests this long (an app-side drain delay). */
    keepAcceptingMs: Ms.default(0),
  });
}

const Common = {
  replicas: z.number().int().min(1).max(500),
  /** Constant arrival rate; request k arrives at floor(k · 1000 / rate) ms. */
  requestsPerSecond: z.number().min(0).max(5_000).default(50),
  /** Service time of every request. */
  requestMs: Ms.min(1).default(100),
  oldVersion: versionSchema("v1").prefault({}),
  newVersion: versionSchema("v2").prefault({}),
  sampleEveryMs: Ms.min(10).default(1_000),
  /** Hard end of the simulation. */
  horizonMs: Ms.min(1)
    .max(7 * 24 * 3_600_000)
    .default(3_600_000),
  /** Stop early once the rollout has an outcome and nothing is left scheduled. */
  stopWhenSettled: z.boolean().default(true),
};

export const SwarmUpdateConfigSchema = z.object({
  /** Tasks updated at once; 0 means all. */
  parallelism: z.number().int().min(0).default(1),
  delayMs: Ms.default(0),
  failureAction: z.enum(["pause", "continue", "rollback"]).default("pause"),
  monitorMs: Ms.default(5_000),
  order: z.enum(["stop-first", "start-first"]).default("stop-first"),
  maxFailureRatio: z.number().min(0).max(1).default(0),
});

const SwarmSchema = z.object({
  strategy: z.literal("swarm"),
  ...Common,
  updateConfig: SwarmUpdateConfigSchema.prefault({}),
  rollbackConfig: SwarmUpdateConfigSchema.prefault({}),
  /** With a HEALTHCHECK a task is RUNNING (and routed to) only once healthy. */
  healthcheck: z.boolean().default(true),
  stopGracePeriodMs: Ms.default(10_000),
  /** restart_policy delay: a failed task is replaced after this. */
  restartDelayMs: Ms.default(5_000),
});

/** An absolute count or a whole percentage, as in `maxSurge: 1` or `maxSurge: "25%"`. */
export const IntOrPercentSchema = z.union([
  z.number().int().min(0),
  z.string().regex(/^\d+%$/, 'use a whole number or a percentage such as "25%"'),
]);

const KubernetesSchema = z
  .object({
    strategy: z.literal("kubernetes"),
    ...Common,
    maxSurge: IntOrPercentSchema.default("25%"),
    maxUnavailable: IntOrPercentSchema.default("25%"),
    minReadyMs: Ms.default(0),
    progressDeadlineMs: Ms.min(1).default(600_000),
    terminationGraceMs: Ms.default(30_000),
    preStopMs: Ms.default(0),
    /** Modelling choice: how long routers (kube-proxy, ingress) keep routing to a deleted Pod. */
    endpointDelayMs: Ms.default(1_000),
  })
  .superRefine((scenario, ctx) => {
    const zero = (value: number | string) => value === 0 || /^0+%$/.test(String(value));
    if (zero(scenario.maxSurge) && zero(scenario.maxUnavailable)) {
      ctx.addIssue({
        code: "custom",
        path: ["maxUnavailable"],
        message: "may not be 0 when maxSurge is 0",
      });
    }
    if (typeof scenario.maxUnavailable === "string" && parseInt(scenario.maxUnavailable, 10) > 100) {
      ctx.addIssue({ code: "custom", path: ["maxUnavailable"], message: "must not be more than 100%" });
    }
  });

const BlueGreenSchema = z
  .object({
    strategy: z.literal("blue-green"),
    ...Common,
    /** The instant all traffic moves from blue to green. */
    switchAtMs: Ms.default(60_000),
    /** Before switching: every green instance must be ready and this many test requests succeed. */
    smokeTest: z
      .object({ requests: z.number().int().min(1).max(1_000).default(10) })
      .nullable()
      .default({ requests: 10 }),
    /** Switch back to blue at this time; null: no rollback. */
    rollbackAtMs: Ms.nullable().default(null),
    stopGracePeriodMs: Ms.default(10_000),
    restartDelayMs: Ms.default(5_000),
  })
  .refine((s) => s.rollbackAtMs === null || s.rollbackAtMs > s.switchAtMs, {
    path: ["rollbackAtMs"],
    message: "must come after switchAtMs",
  });

const CanarySchema = z.object({
  strategy: z.literal("canary"),
  ...Common,
  canaryReplicas: z.number().int().min(1).max(500).default(1),
  /** Traffic share (whole percent) for the canary, phase by phase. */
  phases: z
    .array(z.object({ weight: z.number().int().min(1).max(100), durationMs: Ms.min(1) }))
    .min(1)
    .default([
      { weight: 10, durationMs: 900_000 },
      { weight: 50, durationMs: 900_000 },
      { weight: 100, durationMs: 900_000 },
    ]),
  /** Passes while the canary's error ratio over the window stays ≤ maxErrorRate; no data fails. */
  gate: z
    .object({
      maxErrorRate: z.number().min(0).max(1).default(0.01),
      windowMs: Ms.min(1).default(300_000),
      checkEveryMs: Ms.min(1).default(30_000),
    })
    .prefault({}),
  /** Give up (aborted) if the canary is not ready by then, like `compose up --wait-timeout`. */
  readyTimeoutMs: Ms.default(180_000),
  stopGracePeriodMs: Ms.default(10_000),
  restartDelayMs: Ms.default(5_000),
});

export const RolloutScenarioSchema = z.discriminatedUnion("strategy", [
  SwarmSchema,
  KubernetesSchema,
  BlueGreenSchema,
  CanarySchema,
]);

export type RolloutScenarioInput = z.input<typeof RolloutScenarioSchema>;
export type RolloutScenario = z.output<typeof RolloutScenarioSchema>;
export type SwarmScenario = z.output<typeof SwarmSchema>;
export type SwarmUpdateConfig = z.output<typeof SwarmUpdateConfigSchema>;
export type KubernetesScenario = z.output<typeof KubernetesSchema>;
export type BlueGreenScenario = z.output<typeof BlueGreenSchema>;
export type CanaryScenario = z.output<typeof CanarySchema>;
export type VersionProfile = RolloutScenario["oldVersion"];
export type IntOrPercent = z.output<typeof IntOrPercentSchema>;

export class RolloutScenarioError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid rollout scenario: ${issues.join("; ")}`);
    this.name = "RolloutScenarioError";
  }
}

/** Validates and fills defaults; throws RolloutScenarioError naming each bad field. */
export function parseScenario(input: RolloutScenarioInput): RolloutScenario {
  const result = RolloutScenarioSchema.safeParse(input);
  if (result.success) return result.data;
  throw new RolloutScenarioError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "scenario"}: ${issue.message}`),
  );
}
