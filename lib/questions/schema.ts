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

export const FillInSchema = QuestionBase.extend({
  type: z.literal("fill-in"),
  /** Text with one `___` per blank. */
  prompt: Text,
  blanks: z
    .array(z.object({ accept: z.array(Text).min(1) }))
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

export const InterviewSchema = QuestionBase.extend({
  type: z.literal("interview"),
  prompt: Text,
  rubric: z
    .array(
      z.object({
        id: Slug,
        point: Text,
        weight: z.number().positive().max(10),
        /** Phrases and synonyms that show the point is covered (case-insensitive, whole words). */
        phrases: z.array(Text).min(1),
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
