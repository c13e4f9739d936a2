import type { GradedAnswer } from "@/lib/grading/grade";
import type { Evidence, PointStatus } from "@/lib/grading/interview";
import type { Question } from "./schema";

/** What a learner sees once a question is graded (it may include the key: they have answered). */
export type QuestionFeedback = {
  questionId: string;
  score: number;
  explanation: string;
  debatable: string | null;
  /** Link to the lesson section that teaches it. */
  href: string;
  detail:
    | {
        type: "fill-in";
        blanks: Array<{ given: string; correct: boolean; nearMiss: boolean; expected: string }>;
      }
    | { type: "true-false"; given: boolean | null; answer: boolean }
    | {
        type: "multiple-choice";
        options: Array<{ id: string; text: string; selected: boolean; correct: boolean; why: string }>;
      }
    | {
        type: "interview";
        text: string;
        points: Array<{
          id: string;
          point: string;
          weight: number;
          covered: boolean;
          matches: Array<{ start: number; end: number }>;
          /** Absent in feedback stored before the grader reported evidence. */
          status?: PointStatus;
          /** The sentence that earned (or, contradicted, cost) the point. */
          evidence?: Evidence | null;
        }>;
        /** The answer mostly lists terms without explaining them (its score is capped). */
        listOfTerms?: boolean;
        modelAnswer: string;
      };
};

export function feedbackFor(
  question: Question,
  graded: GradedAnswer,
  lessonSlug: string,
  givenText = "",
): QuestionFeedback {
  const base = {
    questionId: question.id,
    score: graded.score,
    explanation: question.explanation,
    debatable: question.debatable ?? null,
    href: `/learn/${lessonSlug}#${question.section}`,
  };
  switch (graded.type) {
    case "fill-in":
      return { ...base, detail: { type: "fill-in", blanks: graded.detail.blanks } };
    case "true-false":
      return {
        ...base,
        detail: { type: "true-false", given: graded.detail.given, answer: graded.detail.answer },
      };
    case "multiple-choice": {
      const text = new Map(
        question.type === "multiple-choice" ? question.options.map((option) => [option.id, option.text]) : [],
      );
      return {
        ...base,
        detail: {
          type: "multiple-choice",
          options: graded.detail.options.map((option) => ({
            ...option,
            text: text.get(option.id) ?? option.id,
          })),
        },
      };
    }
    case "interview":
      return {
        ...base,
        detail: {
          type: "interview",
          text: givenText,
          points: graded.detail.points.map(({ id, point, weight, covered, matches, status, evidence }) => ({
            id,
            point,
            weight,
            covered,
            matches: matches.map(({ start, end }) => ({ start, end })),
            status,
            evidence,
          })),
          listOfTerms: graded.detail.listOfTerms,
          modelAnswer: graded.detail.modelAnswer,
        },
      };
  }
}
