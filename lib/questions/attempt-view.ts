import "server-only";
import { AnswerSchema, type Answer } from "@/lib/grading/answer-schema";
import { getQuestionsById } from "./bank";
import type { QuestionFeedback } from "./feedback";
import { toPublicQuestion, type PublicQuestion } from "./public-view";

type StoredResponse = {
  questionId: string;
  answer: string;
  feedback: string | null;
  overrideScore?: number | null;
  instructorFeedback?: string | null;
};

export type InstructorReview = { score: number; comment: string | null };

/** Turns a stored attempt into what its page renders: public questions, saved answers, feedback so far. */
export async function attemptView(attempt: {
  questionIds: string[];
  seed: number;
  responses: StoredResponse[];
}) {
  const found = await getQuestionsById(attempt.questionIds);
  const questions: PublicQuestion[] = attempt.questionIds.flatMap((id) => {
    const entry = found.get(id);
    return entry ? [toPublicQuestion(entry.question, attempt.seed)] : [];
  });
  const saved: Record<string, Answer> = {};
  const feedback: Record<string, QuestionFeedback> = {};
  const reviews: Record<string, InstructorReview> = {};
  for (const response of attempt.responses) {
    if (response.overrideScore !== null && response.overrideScore !== undefined) {
      reviews[response.questionId] = {
        score: response.overrideScore,
        comment: response.instructorFeedback ?? null,
      };
    }
    const answer = AnswerSchema.safeParse(safeJson(response.answer));
    if (answer.success) saved[response.questionId] = answer.data;
    if (response.feedback) feedback[response.questionId] = JSON.parse(response.feedback) as QuestionFeedback;
  }
  return { questions, saved, feedback, reviews };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
