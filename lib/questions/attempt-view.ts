import "server-only";
import { AnswerSchema, type Answer } from "@/lib/grading/answer-schema";
import { parseStoredRubricGrades } from "@/lib/grading/rubric-grade";
import { getQuestionsById } from "./bank";
import type { QuestionFeedback } from "./feedback";
import { parsePracticeFeedback, type PracticeFeedback } from "./practice";
import { toPublicQuestion, type PublicQuestion } from "./public-view";
import type { Question } from "./schema";

type StoredResponse = {
  questionId: string;
  answer: string;
  feedback: string | null;
  overrideScore?: number | null;
  instructorFeedback?: string | null;
  rubricGrades?: string | null;
};

/** An instructor's grade of one answer as the learner sees it; `points` only for rubric-graded interview answers. */
export type InstructorReview = {
  score: number;
  comment: string | null;
  points: Array<{
    pointId: string;
    point: string;
    weight: number;
    score: number;
    comment: string | null;
  }> | null;
};

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
  // Practice checks store only what the learner may see so far (no key before the question is finished).
  const practice: Record<string, PracticeFeedback> = {};
  const reviews: Record<string, InstructorReview> = {};
  for (const response of attempt.responses) {
    if (response.overrideScore !== null && response.overrideScore !== undefined) {
      reviews[response.questionId] = {
        score: response.overrideScore,
        comment: response.instructorFeedback ?? null,
        points: reviewedPoints(found.get(response.questionId)?.question, response.rubricGrades),
      };
    }
    const answer = AnswerSchema.safeParse(safeJson(response.answer));
    if (answer.success) saved[response.questionId] = answer.data;
    const checked = parsePracticeFeedback(response.feedback);
    if (checked) practice[response.questionId] = checked;
    else if (response.feedback)
      feedback[response.questionId] = JSON.parse(response.feedback) as QuestionFeedback;
  }
  return { questions, saved, feedback, practice, reviews };
}

/** Stored per-point grades joined with the rubric's wording; points the rubric no longer has are left out. */
function reviewedPoints(
  question: Question | undefined,
  json: string | null | undefined,
): InstructorReview["points"] {
  const grades = parseStoredRubricGrades(json);
  if (!grades || question?.type !== "interview") return null;
  const rubric = new Map(question.rubric.map((point) => [point.id, point]));
  return grades.flatMap((grade) => {
    const point = rubric.get(grade.pointId);
    return point ? [{ ...grade, point: point.point, weight: point.weight }] : [];
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
