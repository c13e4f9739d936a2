import type { Question } from "@/lib/questions/schema";
import type { Answer } from "./answer-schema";
import { gradeMultipleChoice, gradeTrueFalse } from "./choice";
import { gradeFillIn } from "./fill-in";
import { gradeInterview } from "./interview";

export type GradedAnswer =
  | { type: "fill-in"; score: number; detail: ReturnType<typeof gradeFillIn> }
  | { type: "true-false"; score: number; detail: ReturnType<typeof gradeTrueFalse> }
  | { type: "multiple-choice"; score: number; detail: ReturnType<typeof gradeMultipleChoice> }
  | { type: "interview"; score: number; detail: ReturnType<typeof gradeInterview> };

export class AnswerTypeMismatch extends Error {
  constructor(questionId: string, expected: string, got: string) {
    super(`question ${questionId} takes a ${expected} answer, not ${got}`);
    this.name = "AnswerTypeMismatch";
  }
}

/** Every question is worth 1 point; the detail explains the score. A missing answer scores 0. */
export function gradeAnswer(question: Question, answer: Answer | null): GradedAnswer {
  if (answer && answer.type !== question.type)
    throw new AnswerTypeMismatch(question.id, question.type, answer.type);
  switch (question.type) {
    case "fill-in": {
      const detail = gradeFillIn(question, answer?.type === "fill-in" ? answer.blanks : []);
      return { type: "fill-in", score: detail.score, detail };
    }
    case "true-false": {
      const detail = gradeTrueFalse(question, answer?.type === "true-false" ? answer.value : null);
      return { type: "true-false", score: detail.score, detail };
    }
    case "multiple-choice": {
      const detail = gradeMultipleChoice(question, answer?.type === "multiple-choice" ? answer.selected : []);
      return { type: "multiple-choice", score: detail.score, detail };
    }
    case "interview": {
      const detail = gradeInterview(question, answer?.type === "interview" ? answer.text : "");
      return { type: "interview", score: detail.score, detail };
    }
  }
}
