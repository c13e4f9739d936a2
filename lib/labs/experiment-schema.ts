import { z } from "zod";
import type { Lab } from "./schema";

/**
 * An experiment: the learner's own variation of a code lab's scenario (HEALTHCHECK flags or probe
 * timing and injected dependency faults; or the platform, grace period, load and stop time of a
 * shutdown). It changes what the learner sees, never what is graded: pass criteria are always
 * judged on the lab's own scenario, and a submission cannot carry an experiment.
 *
 * Values are in the units the controls show (whole seconds for flags and times, milliseconds for
 * latencies and short requests), bounded so a shared `?state=` link cannot ask for a huge run.
 */
export type ExperimentTarget = "health-docker" | "health-kubernetes" | "shutdown";

export const MAX_FAULTS = 4;
export const MAX_LONG_REQUESTS = 6;

/** A bounded whole number; every message names the control, so it reads well on its own. */
function whole(label: string, min: number, max: number, unit: string) {
  const range = `${label} must be between ${min} and ${max} ${unit}`;
  return z
    .number({ error: `${label}: enter a number` })
    .int(`${label} must be a whole number`)
    .min(min, range)
    .max(max, range);
}

export const DockerFlagsSchema = z.strictObject({
  interval: whole("--interval", 1, 300, "seconds"),
  timeout: whole("--timeout", 1, 120, "seconds"),
  startPeriod: whole("--start-period", 0, 300, "seconds"),
  retries: whole("--retries", 1, 10, "failures"),
});

/** Applied to every probe of a Kubernetes lab (each keeps its own path). */
export const ProbeTimingSchema = z.strictObject({
  periodSeconds: whole("periodSeconds", 1, 300, "seconds"),
  timeoutSeconds: whole("timeoutSeconds", 1, 120, "seconds"),
  failureThreshold: whole("failureThreshold", 1, 10, "failures"),
  initialDelaySeconds: whole("initialDelaySeconds", 0, 300, "seconds"),
});

export const FaultExperimentSchema = z.strictObject({
  dependency: z.enum(["db", "cache", "disk"], { error: "pick the database, the cache or the disk" }),
  mode: z.enum(["down", "slow", "hang"], { error: "pick down, slow or hang" }),
  fromSeconds: whole("“From”", 0, 3_600, "seconds"),
  toSeconds: whole("“Until”", 1, 3_600, "seconds"),
  /** Used by `slow` only: how long each call takes. */
  latencyMs: whole("Latency", 1, 60_000, "ms").optional(),
});

export const HealthExperimentSchema = z.strictObject({
  durationSeconds: whole("Run length", 10, 1_800, "seconds"),
  docker: DockerFlagsSchema.optional(),
  kubernetes: ProbeTimingSchema.optional(),
  faults: z.array(FaultExperimentSchema).max(MAX_FAULTS, `at most ${MAX_FAULTS} faults`),
});

export const ShutdownExperimentSchema = z.strictObject({
  platform: z.enum(["docker", "compose", "swarm", "kubernetes"], { error: "pick a platform" }),
  gracePeriodSeconds: whole("Grace period", 1, 120, "seconds"),
  preStopSeconds: whole("preStop sleep", 0, 60, "seconds"),
  launch: z.enum(["exec", "init", "npm"], { error: "pick how the app is launched" }),
  stopAtSeconds: whole("Stop time", 0, 60, "seconds"),
  /** Requests already running from t = 0, each this many seconds long. */
  longRequestsSeconds: z
    .array(
      z
        .number({ error: "Long requests: enter numbers separated by commas" })
        .min(0.1, "Long requests must each take between 0.1 and 300 seconds")
        .max(300, "Long requests must each take between 0.1 and 300 seconds"),
    )
    .max(MAX_LONG_REQUESTS, `Long requests: at most ${MAX_LONG_REQUESTS}`),
  requestsPerSecond: whole("Requests per second", 0, 10, "per second"),
  requestMs: whole("Request duration", 1, 10_000, "ms"),
  keepAlive: z.boolean({ error: "Keep-alive is on or off" }),
});

export type DockerFlags = z.output<typeof DockerFlagsSchema>;
export type ProbeTiming = z.output<typeof ProbeTimingSchema>;
export type FaultExperiment = z.output<typeof FaultExperimentSchema>;
export type HealthExperiment = z.output<typeof HealthExperimentSchema>;
export type ShutdownExperiment = z.output<typeof ShutdownExperimentSchema>;
export type Experiment = HealthExperiment | ShutdownExperiment;
export type ExperimentOf<T extends ExperimentTarget> = T extends "shutdown"
  ? ShutdownExperiment
  : HealthExperiment;

/** Which experiment a lab takes, or null (config labs have their own settings instead). */
export function experimentTargetOf(lab: Lab): ExperimentTarget | null {
  if (lab.kind === "shutdown-code") return "shutdown";
  if (lab.kind !== "health-code") return null;
  return lab.scenario.platform === "docker" ? "health-docker" : "health-kubernetes";
}

function healthRules(target: "health-docker" | "health-kubernetes") {
  return (experiment: HealthExperiment, ctx: z.RefinementCtx) => {
    if (target === "health-docker" && !experiment.docker)
      ctx.addIssue({ code: "custom", path: ["docker"], message: "HEALTHCHECK flags are required" });
    if (target === "health-docker" && experiment.kubernetes)
      ctx.addIssue({
        code: "custom",
        path: ["kubernetes"],
        message: "this lab runs under Docker, not Kubernetes",
      });
    if (target === "health-kubernetes" && !experiment.kubernetes)
      ctx.addIssue({ code: "custom", path: ["kubernetes"], message: "probe timing is required" });
    if (target === "health-kubernetes" && experiment.docker)
      ctx.addIssue({
        code: "custom",
        path: ["docker"],
        message: "this lab runs under Kubernetes, not Docker",
      });
    experiment.faults.forEach((fault, index) => {
      const at = (field: string) => ["faults", index, field];
      const name = `Fault ${index + 1}`;
      if (fault.toSeconds <= fault.fromSeconds)
        ctx.addIssue({
          code: "custom",
          path: at("toSeconds"),
          message: `${name}: “until” must be after “from”`,
        });
      if (fault.toSeconds > experiment.durationSeconds)
        ctx.addIssue({
          code: "custom",
          path: at("toSeconds"),
          message: `${name}: “until” must be within the run (at most ${experiment.durationSeconds} s)`,
        });
      if (fault.mode === "slow" && fault.latencyMs === undefined)
        ctx.addIssue({
          code: "custom",
          path: at("latencyMs"),
          message: `${name}: a slow dependency needs a latency`,
        });
    });
  };
}

function shutdownRules(experiment: ShutdownExperiment, ctx: z.RefinementCtx) {
  if (experiment.preStopSeconds > 0 && experiment.platform !== "kubernetes")
    ctx.addIssue({
      code: "custom",
      path: ["preStopSeconds"],
      message: "preStop sleep: only Kubernetes runs a preStop hook; set it to 0 or pick Kubernetes",
    });
}

export function experimentSchemaFor<T extends ExperimentTarget>(target: T): z.ZodType<ExperimentOf<T>> {
  const schema =
    target === "shutdown"
      ? ShutdownExperimentSchema.superRefine(shutdownRules)
      : HealthExperimentSchema.superRefine(healthRules(target as "health-docker" | "health-kubernetes"));
  return schema as unknown as z.ZodType<ExperimentOf<T>>;
}

export type ExperimentProblem = { path: string; message: string };

/** Parses an experiment for a target; problems are keyed by dotted path ("faults.0.toSeconds"). */
export function parseExperiment<T extends ExperimentTarget>(
  target: T,
  input: unknown,
): { ok: true; experiment: ExperimentOf<T> } | { ok: false; problems: ExperimentProblem[] } {
  const parsed = experimentSchemaFor(target).safeParse(input);
  if (parsed.success) return { ok: true, experiment: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  };
}
