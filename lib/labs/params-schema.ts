import { z } from "zod";
import { MORE_UNITS, OPS_PARAM_KEYS } from "./ops-params";

/**
 * The settings a config lab lets the learner pick. Every value is a whole number in the unit the
 * real setting uses (seconds for Docker's duration flags and Kubernetes' *Seconds fields, a Pod
 * count for maxSurge and maxUnavailable), bounded so a submission cannot leave the lab's space.
 */
export const ParamBoundSchema = z
  .strictObject({
    /** How the setting is written in the real config, e.g. "--interval" or "maxSurge". */
    label: z.string().min(1),
    unit: z.enum(["seconds", "pods", "failures", ...MORE_UNITS]),
    min: z.number().int().min(0),
    max: z.number().int().min(0),
    step: z.number().int().min(1).default(1),
    default: z.number().int().min(0),
    help: z.string().min(10),
    /** A choice between named options (a log driver, a mode): the value is the option's index. */
    choices: z.array(z.string().min(1)).min(2).optional(),
  })
  .superRefine((bound, ctx) => {
    if (bound.min > bound.max) ctx.addIssue({ code: "custom", path: ["max"], message: "must be ≥ min" });
    if (bound.choices && (bound.min !== 0 || bound.max !== bound.choices.length - 1))
      ctx.addIssue({ code: "custom", path: ["choices"], message: "a choice runs from 0 to the last option's index" });
    const problem = valueProblem(bound, bound.default);
    if (problem) ctx.addIssue({ code: "custom", path: ["default"], message: problem });
  });

export type ParamBound = z.output<typeof ParamBoundSchema>;

/** Setting names per config kind, in display order. */
export const PARAM_KEYS = {
  "healthcheck-flags": ["interval", "timeout", "startPeriod", "retries"],
  "shutdown-config": ["preStop", "gracePeriod"],
  "rollout-config": ["maxSurge", "maxUnavailable", "preStop", "minReady"],
  ...OPS_PARAM_KEYS,
} as const;

export type ConfigKind = keyof typeof PARAM_KEYS;
export type ParamKey<K extends ConfigKind> = (typeof PARAM_KEYS)[K][number];
export type ParamValues<K extends ConfigKind> = { [P in ParamKey<K>]: number };
export type ParamBounds<K extends ConfigKind> = { [P in ParamKey<K>]: ParamBound };

function shapeOf<K extends ConfigKind, T extends z.ZodType>(kind: K, schema: T) {
  return Object.fromEntries(PARAM_KEYS[kind].map((key) => [key, schema])) as { [P in ParamKey<K>]: T };
}

export function paramBoundsSchema<K extends ConfigKind>(kind: K) {
  return z.strictObject(shapeOf(kind, ParamBoundSchema));
}

/** Exactly the kind's keys, each a whole number; whether they lie in bounds is checked against a lab. */
export function paramValuesSchema<K extends ConfigKind>(kind: K) {
  return z.strictObject(shapeOf(kind, z.number().int()));
}

/** Why `value` is not allowed for this setting, or null. */
export function valueProblem(bound: Pick<ParamBound, "min" | "max" | "step">, value: number): string | null {
  if (!Number.isInteger(value)) return "must be a whole number";
  if (value < bound.min || value > bound.max) return `must be between ${bound.min} and ${bound.max}`;
  if ((value - bound.min) % bound.step !== 0) return `must be ${bound.min} plus a multiple of ${bound.step}`;
  return null;
}

/** Problems with a set of values against a lab's bounds, keyed by setting (empty when all fit). */
export function paramProblems(
  bounds: Readonly<Record<string, ParamBound>>,
  values: Readonly<Record<string, unknown>>,
): Array<{ key: string; message: string }> {
  const problems: Array<{ key: string; message: string }> = [];
  for (const [key, bound] of Object.entries(bounds)) {
    const value = values[key];
    if (typeof value !== "number") problems.push({ key, message: "is missing" });
    else {
      const problem = valueProblem(bound, value);
      if (problem) problems.push({ key, message: problem });
    }
  }
  for (const key of Object.keys(values)) {
    if (!(key in bounds)) problems.push({ key, message: "is not a setting of this lab" });
  }
  return problems;
}

/** The lab's starting values: every setting at its default. */
export function defaultParams(bounds: Readonly<Record<string, ParamBound>>): Record<string, number> {
  return Object.fromEntries(Object.entries(bounds).map(([key, bound]) => [key, bound.default]));
}
