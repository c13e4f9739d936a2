import { z } from "zod";

/**
 * The fixed scenario each kind of lab hands its engine, as plain data. These mirror the engines'
 * own input types (lib/sim/*) closely, so a lab file reads like an engine test; the few
 * conveniences (a steady `traffic` stream, an `app` behaviour for the flags lab) are expanded in
 * the runners. Every time is integer milliseconds on the virtual clock.
 */
export const Ms = z.number().int().min(0);
const DAY_MS = 24 * 3_600_000;
const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use kebab-case");
const HttpPath = z.string().regex(/^\/[a-z0-9/_-]*$/, "an absolute path such as /health");

// ---- health checks (learner code as the probe handler) -------------------------------------------

export const FaultSchema = z.strictObject({
  dependency: z.enum(["db", "cache", "disk"]),
  fromMs: Ms,
  /** Missing: until the end of the run. */
  toMs: Ms.optional(),
  mode: z.enum(["down", "slow", "hang"]),
  latencyMs: Ms.optional(),
});

const DockerHealthcheckSchema = z.strictObject({
  intervalMs: Ms.min(1),
  timeoutMs: Ms.min(1),
  startPeriodMs: Ms.default(0),
  retries: z.number().int().min(1),
});

/** A Kubernetes httpGet probe: the learner's route at `path`; missing fields take the API defaults. */
const KubernetesProbeSchema = z.strictObject({
  path: HttpPath,
  initialDelaySeconds: z.number().int().min(0).optional(),
  periodSeconds: z.number().int().min(1).optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  successThreshold: z.number().int().min(1).optional(),
  failureThreshold: z.number().int().min(1).optional(),
});

const HealthCommon = {
  durationMs: Ms.min(1).max(DAY_MS),
  /** The app listens this long after each container start; probes before that are refused. */
  bootMs: Ms,
  faults: z.array(FaultSchema).max(10),
};

export const HealthCodeScenarioSchema = z.discriminatedUnion("platform", [
  z.strictObject({
    platform: z.literal("docker"),
    ...HealthCommon,
    /** What the HEALTHCHECK command requests (`curl -fsS http://127.0.0.1:3000/health`). */
    path: HttpPath.default("/health"),
    healthcheck: DockerHealthcheckSchema,
  }),
  z.strictObject({
    platform: z.literal("kubernetes"),
    ...HealthCommon,
    probes: z.strictObject({
      startup: KubernetesProbeSchema.optional(),
      liveness: KubernetesProbeSchema.optional(),
      readiness: KubernetesProbeSchema.optional(),
    }),
  }),
]);

// ---- health-check flags (built-in app behaviours, learner picks the flags) -----------------------

/** How a built-in app answers probes: refused while booting, then `responseMs`, plus optional faults. */
export const AppBehaviourSchema = z.strictObject({
  bootMs: Ms,
  responseMs: Ms,
  /** From this wall-clock time on, probes never get an answer (a deadlock); null: never. */
  hangsFromMs: Ms.nullable().default(null),
  /** Recurring slow spells (a batch job, a GC pause): answers take `extraMs` longer. */
  slowSpells: z
    .strictObject({ firstAtMs: Ms, everyMs: Ms.min(1), lastsMs: Ms.min(1), extraMs: Ms })
    .nullable()
    .default(null),
});

export const FlagsScenarioSchema = z.strictObject({
  /** Docker Engine major version (start-interval behaviour); default 27. */
  engineVersion: z.number().int().min(20).default(27),
  /** The same flags are tried against each of these apps. */
  runs: z
    .array(
      z.strictObject({
        id: Id,
        label: z.string().min(3),
        description: z.string().min(10),
        durationMs: Ms.min(1).max(DAY_MS),
        app: AppBehaviourSchema,
      }),
    )
    .min(1)
    .max(4),
});

// ---- shutdown ------------------------------------------------------------------------------------

const RequestSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  atMs: Ms,
  durationMs: Ms,
  connection: z.string().min(1).optional(),
});

/** A steady stream of short requests, each on its own connection: `${idPrefix}${n}` every `everyMs`. */
const TrafficSchema = z.strictObject({
  idPrefix: z.string().regex(/^[a-z]+$/),
  fromMs: Ms,
  toMs: Ms,
  everyMs: Ms.min(1),
  durationMs: Ms,
});

export const ShutdownScenarioSchema = z.strictObject({
  platform: z.strictObject({
    kind: z.enum(["docker", "compose", "swarm", "kubernetes"]),
    gracePeriodMs: Ms.optional(),
    stopSignal: z.enum(["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP"]).optional(),
    preStopMs: Ms.optional(),
  }),
  launch: z.enum(["exec", "init", "npm"]).optional(),
  nodeMajor: z.number().int().min(10).optional(),
  keepAliveTimeoutMs: Ms.optional(),
  database: z.strictObject({ closeMs: Ms }).nullable().optional(),
  stopAtMs: Ms.default(0),
  requests: z.array(RequestSchema).max(200).default([]),
  traffic: TrafficSchema.optional(),
  routing: z
    .strictObject({
      endpointRemovalDelayMs: Ms.nullable().optional(),
      readinessProbe: z
        .strictObject({
          periodMs: Ms.min(1),
          failureThreshold: z.number().int().min(1),
          offsetMs: Ms.optional(),
        })
        .nullable()
        .optional(),
    })
    .optional(),
});

/** The engine's built-in shutdown programs (lib/sim/shutdown ProgramSpec) as a schema. */
export const ProgramSpecSchema = z.discriminatedUnion("builtin", [
  z.strictObject({ builtin: z.literal("no-handler") }),
  z.strictObject({ builtin: z.literal("exit-immediately"), code: z.number().int().optional() }),
  z.strictObject({ builtin: z.literal("sleep-then-exit"), sleepMs: Ms.optional() }),
  z.strictObject({ builtin: z.literal("close-everything-at-once") }),
  z.strictObject({
    builtin: z.literal("graceful"),
    drainDelayMs: Ms.optional(),
    forceExitMs: Ms.nullable().optional(),
    connectionClose: z.boolean().optional(),
  }),
]);

export const ShutdownConfigScenarioSchema = ShutdownScenarioSchema.extend({
  /** The app's shutdown code is fixed; the learner tunes the platform around it. */
  program: ProgramSpecSchema,
});

// ---- rollouts ------------------------------------------------------------------------------------

const VersionSchema = z.strictObject({
  label: z.string().min(1).optional(),
  startMs: Ms.optional(),
  readyAfterMs: Ms.nullable().optional(),
  crashAfterMs: Ms.nullable().optional(),
  errorRate: z.number().min(0).max(1).optional(),
  shutdownMs: Ms.optional(),
  keepAcceptingMs: Ms.optional(),
});

/** A Kubernetes RollingUpdate without the fields the learner sets (maxSurge, maxUnavailable, preStop, minReady). */
export const RolloutScenarioSchema = z.strictObject({
  strategy: z.literal("kubernetes"),
  replicas: z.number().int().min(1).max(50),
  requestsPerSecond: z.number().min(0).max(500).optional(),
  requestMs: Ms.min(1).optional(),
  oldVersion: VersionSchema.optional(),
  newVersion: VersionSchema.optional(),
  terminationGraceMs: Ms.optional(),
  endpointDelayMs: Ms.optional(),
  progressDeadlineMs: Ms.min(1).optional(),
  horizonMs: Ms.min(1).max(DAY_MS).optional(),
});

export type HealthCodeScenario = z.output<typeof HealthCodeScenarioSchema>;
export type AppBehaviour = z.output<typeof AppBehaviourSchema>;
export type FlagsScenario = z.output<typeof FlagsScenarioSchema>;
export type ShutdownLabScenario = z.output<typeof ShutdownScenarioSchema>;
export type ShutdownConfigScenario = z.output<typeof ShutdownConfigScenarioSchema>;
export type RolloutLabScenario = z.output<typeof RolloutScenarioSchema>;
