import type { Answer } from "@/lib/grading/answer-schema";
import type { Question } from "./schema";

/** Why an answer does not fit its question; every write checks this before storing anything. */
export type AnswerProblem =
  | { code: "wrong-type"; message: string }
  | { code: "blank-count"; message: string }
  | { code: "unknown-option"; message: string }
  | { code: "repeated-option"; message: string }
  | { code: "too-many-options"; message: string };

export class AnswerValidationError extends Error {
  readonly status = 422;
  constructor(readonly problem: AnswerProblem) {
    super(problem.message);
    this.name = "AnswerValidationError";
  }
}

/**
 * Checks an answer against the question it targets (the shape is AnswerSchema's job):
 * the type matches, a fill-in has exactly one entry per blank, chosen options exist,
 * appear once, and a single-answer question has at most one.
 */
export function answerProblem(question: Question, answer: Answer): AnswerProblem | null {
  if (question.type !== answer.type)
    return {
      code: "wrong-type",
      message: `This question takes a ${question.type} answer, not ${answer.type}.`,
    };
  if (
    question.type === "fill-in" &&
    answer.type === "fill-in" &&
    answer.blanks.length !== question.blanks.length
  )
    return {
      code: "blank-count",
      message: `This question has ${question.blanks.length} blank${question.blanks.length === 1 ? "" : "s"}; the answer had ${answer.blanks.length}.`,
    };
  if (question.type === "multiple-choice" && answer.type === "multiple-choice") {
    const ids = new Set(question.options.map((option) => option.id));
    const unknown = answer.selected.filter((id) => !ids.has(id));
    if (unknown.length > 0)
      return {
        code: "unknown-option",
        message: `This question has no option ${unknown.map((id) => `"${id}"`).join(", ")}.`,
      };
    if (new Set(answer.selected).size !== answer.selected.length)
      return { code: "repeated-option", message: "An option was chosen twice." };
    const single = question.options.filter((option) => option.correct).length === 1;
    if (single && answer.selected.length > 1)
      return { code: "too-many-options", message: "This question takes one option." };
  }
  return null;
}

/** Throws a typed 422 error when the answer does not fit. */
export function assertAnswerFits(question: Question, answer: Answer): void {
  const problem = answerProblem(question, answer);
  if (problem) throw new AnswerValidationError(problem);
}
