import { z } from "zod";
import { CheckSchema } from "./check-schema";
import { labIssues } from "./lab-issues";
import {
  CpuLabScenarioSchema,
  LoggingLabScenarioSchema,
  MemoryLabScenarioSchema,
  SecretsCodeScenarioSchema,
} from "./ops/scenario-schema";
import { paramBoundsSchema, paramProblems, paramValuesSchema, type ConfigKind } from "./params-schema";
import {
  FlagsScenarioSchema,
  HealthCodeScenarioSchema,
  RolloutScenarioSchema,
  ShutdownConfigScenarioSchema,
  ShutdownScenarioSchema,
} from "./scenario-schema";
import { isTextKind, textLabSchemas, textSubmissionFields, textSubmissionProblems, type TextKind } from "./text/schema";

/**
 * A lab: a fixed scenario for one engine, what the learner may change (code or bounded
 * settings), hints, a worked solution and pass criteria as data. Lab files in content/labs are
 * parsed with LabSchema; submissions with submissionSchemaFor(lab).
 */
export const LESSON_SLUGS = [
  "health-checks",
  "logging",
  "resource-limits",
  "configuration-and-secrets",
  "monitoring",
  "high-availability",
  "data-persistence",
  "security",
  "zero-downtime-deployment",
  "troubleshooting",
] as const;

export const MAX_CODE_LENGTH = 20_000;

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use kebab-case")
  .max(80);
/** A heading id as rehype-slug makes it from the lesson's h2/h3. */
const HeadingId = z
  .string()
  // Leading hyphens stay: rehype-slug turns "### --cpus: a hard ceiling" into "--cpus-a-hard-ceiling".
  .regex(/^-*[a-z0-9][a-z0-9_-]*$/, "use the heading id exactly as the lesson page has it");
const Prose = z.string().trim().min(10);
const Code = z.string().min(1).max(MAX_CODE_LENGTH);
const Explanation = z.string().trim().min(40);

const Common = {
  slug: Slug,
  /** Plain words, no jargon-only titles. */
  title: z.string().trim().min(5).max(100),
  lesson: z.enum(LESSON_SLUGS),
  lessonSection: HeadingId,
  /** One line for lists. */
  summary: z.string().trim().min(20).max(200),
  /** The task, in a paragraph. */
  goal: z.string().trim().min(40).max(1_500),
  hints: z.array(Prose).min(2).max(3),
  checks: z.array(CheckSchema).min(1).max(12),
};

const CodeInput = z.strictObject({ starterCode: Code });
const CodeSolution = z.strictObject({ code: Code, explanation: Explanation });

function configLab<K extends ConfigKind, S extends z.ZodType>(
  kind: K,
  scenario: S,
) {
  return z.strictObject({
    ...Common,
    kind: z.literal(kind),
    scenario,
    input: z.strictObject({ params: paramBoundsSchema(kind) }),
    solution: z.strictObject({ params: paramValuesSchema(kind), explanation: Explanation }),
  });
}

const HealthCodeLab = z.strictObject({
  ...Common,
  kind: z.literal("health-code"),
  scenario: HealthCodeScenarioSchema,
  input: CodeInput,
  solution: CodeSolution,
});

const ShutdownCodeLab = z.strictObject({
  ...Common,
  kind: z.literal("shutdown-code"),
  scenario: ShutdownScenarioSchema,
  input: CodeInput,
  solution: CodeSolution,
});

const SecretsCodeLab = z.strictObject({
  ...Common,
  kind: z.literal("secrets-code"),
  scenario: SecretsCodeScenarioSchema,
  input: CodeInput,
  solution: CodeSolution,
});

const LabUnion = z.discriminatedUnion("kind", [
  HealthCodeLab,
  ShutdownCodeLab,
  SecretsCodeLab,
  configLab("memory-config", MemoryLabScenarioSchema),
  configLab("cpu-config", CpuLabScenarioSchema),
  configLab("logging-config", LoggingLabScenarioSchema),
  configLab("healthcheck-flags", FlagsScenarioSchema),
  configLab("shutdown-config", ShutdownConfigScenarioSchema),
  configLab("rollout-config", RolloutScenarioSchema),
  ...textLabSchemas(Common),
]);

export type Lab = z.output<typeof LabUnion>;
export type LabInput = z.input<typeof LabUnion>;

/** Shape plus the rules that span fields (see lab-issues.ts). */
export const LabSchema = LabUnion.superRefine((lab, ctx) => {
  for (const issue of labIssues(lab)) ctx.addIssue({ code: "custom", ...issue });
});
export type LabKind = Lab["kind"];
export type LabOfKind<K extends LabKind> = Extract<Lab, { kind: K }>;
export type CodeLab = LabOfKind<"health-code" | "shutdown-code" | "secrets-code">;
export type ConfigLab = LabOfKind<ConfigKind>;

export type TextLab = LabOfKind<TextKind>;
export const isTextLab = (lab: Lab): lab is TextLab => isTextKind(lab.kind);

export const isCodeLab = (lab: Lab): lab is CodeLab =>
  lab.kind === "health-code" || lab.kind === "shutdown-code" || lab.kind === "secrets-code";

/** Parses one lab file; throws an error naming the lab and every bad field. */
export function parseLab(input: unknown): Lab {
  const parsed = LabSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const name =
    typeof input === "object" && input !== null && "slug" in input ? String(input.slug) : "(unnamed lab)";
  const problems = parsed.error.issues
    .map((issue) => `  - ${issue.path.length ? issue.path.join(".") : "(lab)"}: ${issue.message}`)
    .join("\n");
  throw new Error(`Invalid lab ${name}:\n${problems}`);
}

// ---- submissions -----------------------------------------------------------------------------------

/**
 * What the browser sends: the lab, and the learner's code or settings. Strict, so a submission
 * cannot smuggle in fields such as a claimed result; the server re-runs it whatever it says.
 */
export const SubmissionSchema = z.strictObject({
  labSlug: Slug,
  code: z.string().max(MAX_CODE_LENGTH, `code may be at most ${MAX_CODE_LENGTH} characters`).optional(),
  params: z.record(z.string(), z.number()).optional(),
  ...textSubmissionFields,
});

export type Submission = z.output<typeof SubmissionSchema>;

/** SubmissionSchema plus this lab's rules: the right slug, code or settings as the kind needs, settings in bounds. */
export function submissionSchemaFor(lab: Lab) {
  return SubmissionSchema.superRefine((submission, ctx) => {
    if (submission.labSlug !== lab.slug)
      ctx.addIssue({ code: "custom", path: ["labSlug"], message: `this is the ${lab.slug} lab` });
    if (isTextLab(lab)) {
      for (const problem of textSubmissionProblems(lab.kind, submission)) ctx.addIssue({ code: "custom", ...problem });
      return;
    }
    if (submission.text !== undefined || submission.answer !== undefined)
      ctx.addIssue({ code: "custom", path: ["text"], message: "this lab takes code or settings, not text" });
    if (isCodeLab(lab)) {
      if (submission.code === undefined)
        ctx.addIssue({ code: "custom", path: ["code"], message: "is required" });
      if (submission.params !== undefined)
        ctx.addIssue({ code: "custom", path: ["params"], message: "this lab takes code, not settings" });
      return;
    }
    if (submission.code !== undefined)
      ctx.addIssue({ code: "custom", path: ["code"], message: "this lab takes settings, not code" });
    if (submission.params === undefined) {
      ctx.addIssue({ code: "custom", path: ["params"], message: "is required" });
      return;
    }
    for (const problem of paramProblems(lab.input.params, submission.params))
      ctx.addIssue({ code: "custom", path: ["params", problem.key], message: problem.message });
  });
}

export { CheckSchema, type LabCheck, type CheckType, type CheckOf } from "./check-schema";
export { PARAM_KEYS, defaultParams, type ParamBound, type ConfigKind } from "./params-schema";
export type * from "./scenario-schema";
