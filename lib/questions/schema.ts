import { z } from "zod";

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use kebab-case: lower-case letters, digits and dashes");
const Text = z.string().trim().min(1);
/** A heading id as rehype-slug makes it (GitHub style: may hold "--" where the heading had a flag). */
const HeadingId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "use the heading id exactly as the lesson page has it");

const QuestionBase = z.object({
  id: Slug,
  /** The id of the lesson heading that teaches this (the lesson is the file's). */
  section: HeadingId,
  /** "chapter": from the material's own practice set, reworded; "shipshape": ours. */
  origin: z.enum(["chapter", "shipshape"]).default("shipshape"),
  explanation: Text,
  /** Where the material's answer key is debatable or wrong, say so (fact-sheet §7). */
  debatable: Text.optional(),
  /** Shown on request in practice mode, before answering. */
  hint: Text.optional(),
  /** More hints, given one per wrong practice try after `hint` (lib/questions/practice.ts). */
  hints: z.array(Text).max(5).optional(),
});

export const BLANK = "___";

/** The values a flag accepts: a number (or whole number) of at least `min`, or above it when exclusive. */
export const FlagValueSchema = z.strictObject({
  kind: z.enum(["number", "integer"]),
  min: z.number(),
  exclusiveMin: z.boolean().default(false),
  max: z.number().optional(),
});
export type FlagValue = z.infer<typeof FlagValueSchema>;

export const FillInSchema = QuestionBase.extend({
  type: z.literal("fill-in"),
  /** Text with one `___` per blank. */
  prompt: Text,
  blanks: z
    .array(
      z.object({
        accept: z.array(Text).min(1),
        /**
         * For a blank that asks for a flag: the values each accepted flag takes, so "--cpus=0.5" and
         * "--cpus 2" count while "--cpus=-1" or "--cpus=lots" do not (keys are accepted flags).
         */
        values: z.record(z.string().regex(/^-{0,2}[a-z][a-z0-9-]*$/), FlagValueSchema).default({}),
      }),
    )
    .min(1)
    .max(6),
  /** Groups of blank indexes whose answers may come in any order (e.g. two signals). */
  unordered: z.array(z.array(z.number().int().min(0)).min(2).max(6)).default([]),
}).superRefine((question, ctx) => {
  const count = question.prompt.split(BLANK).length - 1;
  if (count !== question.blanks.length) {
    ctx.addIssue({
      code: "custom",
      path: ["prompt"],
      message: `has ${count} "${BLANK}" but ${question.blanks.length} blanks`,
    });
  }
  for (const group of question.unordered) {
    if (group.some((index) => index >= question.blanks.length)) {
      ctx.addIssue({ code: "custom", path: ["unordered"], message: "names a blank that does not exist" });
    }
  }
  question.blanks.forEach((blank, index) => {
    const accepted = new Set(blank.accept.map((answer) => answer.replace(/^-+/, "").toLowerCase()));
    for (const flag of Object.keys(blank.values))
      if (!accepted.has(flag.replace(/^-+/, "")))
        ctx.addIssue({
          code: "custom",
          path: ["blanks", index, "values", flag],
          message: "gives values for a flag this blank does not accept",
        });
  });
  const grouped = question.unordered.flat();
  if (new Set(grouped).size !== grouped.length) {
    ctx.addIssue({
      code: "custom",
      path: ["unordered"],
      message: "a blank may belong to one unordered group, once",
    });
  }
});

export const TrueFalseSchema = QuestionBase.extend({
  type: z.literal("true-false"),
  statement: Text,
  answer: z.boolean(),
});

export const MultipleChoiceSchema = QuestionBase.extend({
  type: z.literal("multiple-choice"),
  prompt: Text,
  options: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z]$/),
        text: Text,
        correct: z.boolean().default(false),
        why: Text,
      }),
    )
    .min(3)
    .max(6),
}).superRefine((question, ctx) => {
  if (!question.options.some((option) => option.correct)) {
    ctx.addIssue({ code: "custom", path: ["options"], message: "needs at least one correct option" });
  }
  const ids = question.options.map((option) => option.id);
  if (new Set(ids).size !== ids.length)
    ctx.addIssue({ code: "custom", path: ["options"], message: "option ids repeat" });
});

/**
 * "liveness + not|never + database|postgres" (any order) or "stop > all > before > start" (in this
 * order): every group needs a non-empty alternative.
 */
const RubricPattern = Text.refine(
  (pattern) =>
    pattern
      .split(pattern.includes(" > ") ? " > " : " + ")
      .every((group) => group.split("|").some((alternative) => alternative.trim() !== "")),
  'write groups joined by " + " (or " > " for an order) with alternatives split by "|", none empty',
);

export const InterviewSchema = QuestionBase.extend({
  type: z.literal("interview"),
  prompt: Text,
  rubric: z
    .array(
      z.object({
        id: Slug,
        point: Text,
        weight: z.number().positive().max(10),
        /**
         * Phrases that show the point is covered: matched on whole words and their lemmas, so
         * "health check" also finds "health checks" and "healthcheck". Negated uses do not count.
         */
        phrases: z.array(Text).min(1),
        /** Other words for the same idea (matched like phrases). */
        synonyms: z.array(Text).default([]),
        /** Paraphrases: groups joined by " + " (any order) or " > " (in order), alternatives by "|", all in one sentence. */
        patterns: z.array(RubricPattern).default([]),
        /** Advice against the point ("liveness + select 1|postgres"): when given, it costs the point. */
        contrary: z.array(RubricPattern).default([]),
      }),
    )
    .min(3),
  modelAnswer: Text,
});

export const QuestionSchema = z.discriminatedUnion("type", [
  FillInSchema,
  TrueFalseSchema,
  MultipleChoiceSchema,
  InterviewSchema,
]);

export const QuizFileSchema = z.strictObject({
  lesson: Slug,
  title: Text,
  questions: z.array(QuestionSchema).min(1),
});

export type Question = z.infer<typeof QuestionSchema>;
export type FillInQuestion = z.infer<typeof FillInSchema>;
export type TrueFalseQuestion = z.infer<typeof TrueFalseSchema>;
export type MultipleChoiceQuestion = z.infer<typeof MultipleChoiceSchema>;
export type InterviewQuestion = z.infer<typeof InterviewSchema>;
export type QuizFile = z.infer<typeof QuizFileSchema>;
export type QuestionType = Question["type"];
