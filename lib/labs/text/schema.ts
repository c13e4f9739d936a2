import { z } from "zod";
import { DockerfileScenarioSchema } from "@/lib/sim/dockerfile/schema";
import { FIXES, ROOT_CAUSES } from "@/lib/sim/incident/score";
import { SCENARIO_IDS } from "@/lib/sim/incident/world";
import { ScrapeScenarioSchema } from "@/lib/sim/promql/scrape-schema";

/**
 * The text labs: the learner writes text (an alerting rule, a PromQL query, a Dockerfile) in an
 * editor, or types commands at a prompt. The submission carries it as `text`; the incident lab
 * also takes `answer`, a root cause and a fix chosen from fixed lists.
 */
export const TEXT_KINDS = ["promql-alert", "promql-query", "dockerfile", "backup-restore", "incident"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
/** Labs whose text is a list of commands, one a line, typed at a prompt. */
export const COMMAND_KINDS: ReadonlySet<TextKind> = new Set(["backup-restore", "incident"]);

export const MAX_TEXT_LENGTH = 20_000;
export const MAX_COMMANDS = 100;

const Ms = z.number().int().min(0);
const Text = z.string().max(MAX_TEXT_LENGTH);
const Explanation = z.string().trim().min(40);
const CauseId = z.enum(Object.keys(ROOT_CAUSES) as [keyof typeof ROOT_CAUSES, ...Array<keyof typeof ROOT_CAUSES>]);
const FixId = z.enum(Object.keys(FIXES) as [keyof typeof FIXES, ...Array<keyof typeof FIXES>]);
export const AnswerSchema = z.strictObject({ cause: CauseId, fix: FixId });
export type IncidentAnswer = z.output<typeof AnswerSchema>;

/** The fields a submission may add for a text lab (spread into SubmissionSchema). */
export const textSubmissionFields = {
  text: z.string().max(MAX_TEXT_LENGTH, `text may be at most ${MAX_TEXT_LENGTH} characters`).optional(),
  answer: z.strictObject({ cause: z.string().max(60), fix: z.string().max(60) }).optional(),
};

const AlertRunSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(3),
  description: z.string().min(10),
  scrape: ScrapeScenarioSchema,
  /** When the trouble starts (the clock for alert-fires-within). */
  incidentAtMs: Ms,
  /** Rule evaluations run from 0 to here. */
  endMs: Ms.min(60_000),
});

const scenarios = {
  "promql-alert": z.strictObject({
    ruleName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    /** Prometheus' evaluation_interval (its default is 1 m; 15 s is common). */
    evaluationIntervalMs: Ms.min(1_000),
    runs: z.array(AlertRunSchema).min(1).max(4),
  }),
  "promql-query": z.strictObject({ scrape: ScrapeScenarioSchema, reference: z.string().min(1) }),
  dockerfile: DockerfileScenarioSchema.omit({ dockerfile: true }),
  "backup-restore": z.strictObject({
    ordersPerSecond: z.number().positive().max(1_000),
    baseBytes: z.number().int().min(0),
    bytesPerOrder: z.number().int().min(0),
    copyBytesPerSecond: z.number().int().min(1),
    /** Commands run before the learner arrives (not shown as theirs). */
    setup: z.array(z.string().min(1)).min(1),
    /** How long the shop has been taking orders when the learner arrives. */
    warmupMs: Ms,
    /** Time that passes before each of the learner's commands (typing, reading). */
    thinkMs: Ms,
    /** The container the learner restores into. */
    restoreContainer: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  }),
  incident: z.strictObject({ incident: z.enum(SCENARIO_IDS) }),
} as const;

/** One schema per text kind, built on the fields every lab shares (passed in from ../schema). */
export function textLabSchemas<C extends z.ZodRawShape>(common: C) {
  const lab = <K extends TextKind>(kind: K) =>
    z.strictObject({
      ...common,
      kind: z.literal(kind),
      scenario: scenarios[kind],
      input: z.strictObject({ starterText: Text }),
      solution: z.strictObject({
        text: Text.min(1),
        /** The incident lab's named cause and fix (lab-issues.ts requires it there). */
        answer: AnswerSchema.optional(),
        explanation: Explanation,
      }),
    });
  return [
    lab("promql-alert"),
    lab("promql-query"),
    lab("dockerfile"),
    lab("backup-restore"),
    lab("incident"),
  ] as const;
}

export function isTextKind(kind: string): kind is TextKind {
  return (TEXT_KINDS as readonly string[]).includes(kind);
}

/** The submitted commands, one a line, blank lines dropped. */
export function commandLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** Rules for a text lab's submission beyond its shape. */
export function textSubmissionProblems(
  kind: TextKind,
  submission: { code?: unknown; params?: unknown; text?: string; answer?: unknown },
): Array<{ path: string[]; message: string }> {
  const problems: Array<{ path: string[]; message: string }> = [];
  if (submission.code !== undefined) problems.push({ path: ["code"], message: "this lab takes text, not code" });
  if (submission.params !== undefined) problems.push({ path: ["params"], message: "this lab takes text, not settings" });
  if (submission.text === undefined) problems.push({ path: ["text"], message: "is required" });
  else if (COMMAND_KINDS.has(kind) && commandLines(submission.text).length > MAX_COMMANDS)
    problems.push({ path: ["text"], message: `at most ${MAX_COMMANDS} commands` });
  if (kind !== "incident" && submission.answer !== undefined)
    problems.push({ path: ["answer"], message: "only the incident lab takes an answer" });
  if (kind === "incident" && submission.answer !== undefined) {
    const parsed = AnswerSchema.safeParse(submission.answer);
    if (!parsed.success) problems.push({ path: ["answer"], message: "choose a root cause and a fix from the lists" });
  }
  return problems;
}
