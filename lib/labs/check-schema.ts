import { z } from "zod";
import { cpuChecks, loggingChecks, memoryChecks, secretsChecks } from "./ops/check-schema";
import { Ms } from "./scenario-schema";
import { textChecks } from "./text/checks";

/**
 * Pass criteria as data. Each check reads one engine's output; `family` says which, and a lab may
 * only use the checks of its engine. Times are virtual milliseconds since t = 0; windows are
 * inclusive at both ends. `label` overrides the generated one (check-labels.ts).
 */
const Label = { label: z.string().min(3).optional() };
/** Which run of a multi-run lab (the flags lab); single-run labs leave it out. */
const Run = { run: z.string().optional() };
const ProbeKind = z.enum(["healthcheck", "startup", "liveness", "readiness"]);
const HealthStatus = z.enum(["starting", "healthy", "unhealthy"]);

const healthChecks = [
  /** Docker's health status at `atMs`. */
  z.strictObject({ type: z.literal("status-at"), atMs: Ms, status: HealthStatus, ...Run, ...Label }),
  /** The first `health_status: unhealthy` falls in the window (and none before it). */
  z.strictObject({ type: z.literal("becomes-unhealthy-between"), fromMs: Ms, toMs: Ms, ...Run, ...Label }),
  /** A change to healthy falls in the window and the status is still healthy at its end. */
  z.strictObject({ type: z.literal("becomes-healthy-between"), fromMs: Ms, toMs: Ms, ...Run, ...Label }),
  z.strictObject({ type: z.literal("never-unhealthy"), ...Run, ...Label }),
  /** No restart (Kubernetes kill or Docker restart policy) in the window, default the whole run. */
  z.strictObject({
    type: z.literal("no-restarts"),
    fromMs: Ms.optional(),
    toMs: Ms.optional(),
    ...Run,
    ...Label,
  }),
  /** Every probe of this kind started in the window succeeded (and there was at least one). */
  z.strictObject({
    type: z.literal("probes-succeed"),
    probe: ProbeKind,
    fromMs: Ms.optional(),
    toMs: Ms.optional(),
    ...Run,
    ...Label,
  }),
  /**
   * At least `atLeast` probes started in the window failed, and every one of them was answered
   * by the handler itself: this exit code (22 for curl -f on a 4xx/5xx), within `maxDurationMs`
   * and, if given, with this HTTP status.
   */
  z.strictObject({
    type: z.literal("failing-probes"),
    probe: ProbeKind.optional(),
    fromMs: Ms,
    toMs: Ms,
    exitCode: z.number().int(),
    maxDurationMs: Ms.min(1),
    httpStatus: z.number().int().min(400).max(599).optional(),
    atLeast: z.number().int().min(1).default(1),
    ...Run,
    ...Label,
  }),
  /** Kubernetes: whether the Pod is in the Service's endpoints at `atMs`. */
  z.strictObject({ type: z.literal("ready-at"), atMs: Ms, ready: z.boolean(), ...Run, ...Label }),
] as const;

const shutdownChecks = [
  /** At most this many requests dropped (accepted, then cut) and refused (nothing listening). */
  z.strictObject({
    type: z.literal("requests"),
    dropped: z.number().int().min(0).optional(),
    refused: z.number().int().min(0).optional(),
    ...Label,
  }),
  z.strictObject({ type: z.literal("requests-completed"), ids: z.array(z.string().min(1)).min(1), ...Label }),
  z.strictObject({ type: z.literal("exit-code"), code: z.number().int().min(0).max(255), ...Label }),
  /** The process is gone strictly before `ms`. */
  z.strictObject({ type: z.literal("exit-before-ms"), ms: Ms.min(1), ...Label }),
  z.strictObject({ type: z.literal("no-sigkill"), ...Label }),
  z.strictObject({
    type: z.literal("exit-cause"),
    cause: z.enum(["sigkill", "signal-default", "process-exit", "uncaught-exception", "event-loop-empty"]),
    ...Label,
  }),
] as const;

const rolloutChecks = [
  /** Failed requests of every cause (no instance, refused, cut, broken). */
  z.strictObject({ type: z.literal("errors"), max: z.number().int().min(0), ...Label }),
  /** Instances in rotation that accept requests, never fewer than this, time-weighted exactly. */
  z.strictObject({ type: z.literal("min-capacity"), atLeast: z.number().int().min(0), ...Label }),
  /** Kubernetes "available" Pods (ready for minReadySeconds), never fewer than this. */
  z.strictObject({ type: z.literal("min-available"), atLeast: z.number().int().min(0), ...Label }),
  z.strictObject({
    type: z.literal("rollout-outcome"),
    outcome: z.enum([
      "completed",
      "paused",
      "rolled-back",
      "rollback-paused",
      "deadline-exceeded",
      "aborted",
    ]),
    ...Label,
  }),
] as const;

export const CheckSchema = z.discriminatedUnion("type", [
  ...healthChecks,
  ...shutdownChecks,
  ...rolloutChecks,
  ...textChecks,
  ...memoryChecks,
  ...cpuChecks,
  ...loggingChecks,
  ...secretsChecks,
]);

export type LabCheck = z.output<typeof CheckSchema>;
export type CheckType = LabCheck["type"];
export type CheckOf<T extends CheckType> = Extract<LabCheck, { type: T }>;
export type CheckFamily = "health" | "shutdown" | "rollout" | "text" | OpsFamily;
type OpsFamily = "memory" | "cpu" | "logging" | "secrets";

const familyOf = (family: CheckFamily, checks: ReadonlyArray<{ shape: { type: { value: string } } }>) =>
  checks.map((check) => [check.shape.type.value, family] as const);

/** Which engine's output each check reads. */
export const CHECK_FAMILY: Readonly<Record<string, CheckFamily>> = Object.fromEntries([
  ...familyOf("health", healthChecks),
  ...familyOf("shutdown", shutdownChecks),
  ...familyOf("rollout", rolloutChecks),
  ...familyOf("text", textChecks),
  ...familyOf("memory", memoryChecks),
  ...familyOf("cpu", cpuChecks),
  ...familyOf("logging", loggingChecks),
  ...familyOf("secrets", secretsChecks),
]);

export type HealthCheck = Extract<
  LabCheck,
  { type: (typeof healthChecks)[number]["shape"]["type"]["value"] }
>;
export type ShutdownCheck = Extract<
  LabCheck,
  { type: (typeof shutdownChecks)[number]["shape"]["type"]["value"] }
>;
export type RolloutCheck = Extract<
  LabCheck,
  { type: (typeof rolloutChecks)[number]["shape"]["type"]["value"] }
>;

type TypesOf<T extends ReadonlyArray<{ shape: { type: { value: string } } }>> =
  T[number]["shape"]["type"]["value"];
export type MemoryCheck = Extract<LabCheck, { type: TypesOf<typeof memoryChecks> }>;
export type CpuCheck = Extract<LabCheck, { type: TypesOf<typeof cpuChecks> }>;
export type LoggingCheck = Extract<LabCheck, { type: TypesOf<typeof loggingChecks> }>;
export type SecretsCheck = Extract<LabCheck, { type: TypesOf<typeof secretsChecks> }>;
