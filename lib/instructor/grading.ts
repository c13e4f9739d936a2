import { z } from "zod";
import type { Db } from "@/lib/db";
import { NotFoundError, type Actor } from "@/lib/access";
import { AnswerSchema } from "@/lib/grading/answer-schema";
import { gradeInterview, type Evidence, type PointStatus } from "@/lib/grading/interview";
import { parseStoredRubricGrades, type PointGrade } from "@/lib/grading/rubric-grade";
import { loadQuizzes } from "@/lib/questions/bank";
import type { InterviewQuestion } from "@/lib/questions/schema";
import { findTaughtCohort } from "./cohort-access";
import type { PointRange } from "./grading-highlight";

export const GRADING_FILTERS = ["waiting", "graded", "all"] as const;
export type GradingFilter = (typeof GRADING_FILTERS)[number];
/** From the query string: anything unknown falls back to the waiting list. */
export const GradingFilterSchema = z.enum(GRADING_FILTERS).catch("waiting");

/** A queue is read page by page in practice; the cap keeps a huge backlog from rendering thousands of rows. */
const QUEUE_LIMIT = 500;

export type QueueRow = {
  responseId: string;
  questionId: string;
  quizTitle: string;
  prompt: string;
  learnerName: string;
  submittedAt: Date;
  /** The instructor's score (0–1), null while waiting. */
  gradedScore: number | null;
};

export type GradingQueue = {
  rows: QueueRow[];
  waitingCount: number;
  gradedCount: number;
  /** True when there are more rows than QUEUE_LIMIT (the oldest are shown). */
  truncated: boolean;
};

export type GradingItem = QueueRow & {
  learnerId: string;
  text: string;
  autoScore: number | null;
  points: Array<{
    id: string;
    number: number;
    point: string;
    weight: number;
    covered: boolean;
    matchedPhrases: string[];
    status: PointStatus;
    evidence: Evidence | null;
    matches: Array<{ start: number; end: number }>;
  }>;
  /** The automatic check read the answer as a list of terms, not an explanation. */
  listOfTerms: boolean;
  ranges: PointRange[];
  modelAnswer: string;
  grade: {
    score: number;
    points: PointGrade[] | null;
    comment: string | null;
    reviewedAt: Date | null;
  } | null;
};

type InterviewEntry = { question: InterviewQuestion; quizTitle: string };

async function interviewQuestions(): Promise<Map<string, InterviewEntry>> {
  const found = new Map<string, InterviewEntry>();
  for (const quiz of await loadQuizzes())
    for (const question of quiz.questions)
      if (question.type === "interview") found.set(question.id, { question, quizTitle: quiz.title });
  return found;
}

/** Submitted interview answers of this cohort's learners (an instructor's own attempts are not graded). */
/**
 * Interview answers from lesson quizzes only: the review queue asks the same questions again for
 * spaced repetition, and those re-answers are practice the learner grades against the rubric, not
 * work handed in for an instructor.
 */
function cohortInterviewWhere(cohortId: string, questionIds: string[]) {
  return {
    questionId: { in: questionIds },
    attempt: {
      status: "submitted",
      kind: "lesson",
      user: { memberships: { some: { cohortId, role: "learner" } } },
    },
  };
}

const reviewedWhere = { waiting: { reviewedAt: null }, graded: { reviewedAt: { not: null } }, all: {} };

/** The cohort's interview answers for grading, oldest submission first. Only the cohort's instructors. */
export async function listGradingQueue(
  db: Db,
  actor: Actor,
  cohortId: string,
  filter: GradingFilter,
): Promise<GradingQueue> {
  await findTaughtCohort(db, actor, cohortId);
  const questions = await interviewQuestions();
  const base = cohortInterviewWhere(cohortId, [...questions.keys()]);
  const [responses, waitingCount, gradedCount] = await Promise.all([
    db.quizResponse.findMany({
      where: { ...base, ...reviewedWhere[filter] },
      select: {
        id: true,
        questionId: true,
        overrideScore: true,
        reviewedAt: true,
        attempt: { select: { submittedAt: true, startedAt: true, user: { select: { name: true } } } },
      },
      orderBy: [{ attempt: { submittedAt: "asc" } }, { id: "asc" }],
      take: QUEUE_LIMIT + 1,
    }),
    db.quizResponse.count({ where: { ...base, ...reviewedWhere.waiting } }),
    db.quizResponse.count({ where: { ...base, ...reviewedWhere.graded } }),
  ]);
  const rows = responses.slice(0, QUEUE_LIMIT).flatMap((response) => {
    const entry = questions.get(response.questionId);
    if (!entry) return [];
    return [
      {
        responseId: response.id,
        questionId: response.questionId,
        quizTitle: entry.quizTitle,
        prompt: entry.question.prompt,
        learnerName: response.attempt.user?.name ?? "Unknown learner",
        submittedAt: response.attempt.submittedAt ?? response.attempt.startedAt,
        gradedScore: response.reviewedAt ? response.overrideScore : null,
      },
    ];
  });
  return { rows, waitingCount, gradedCount, truncated: responses.length > QUEUE_LIMIT };
}

/**
 * One interview answer of this cohort, with the automatic rubric coverage recomputed against the
 * current rubric (the points the instructor grades) and any grade already given.
 */
export async function getGradingItem(
  db: Db,
  actor: Actor,
  cohortId: string,
  responseId: string,
): Promise<GradingItem> {
  await findTaughtCohort(db, actor, cohortId);
  const questions = await interviewQuestions();
  const response = await db.quizResponse.findFirst({
    where: { id: responseId, ...cohortInterviewWhere(cohortId, [...questions.keys()]) },
    include: {
      attempt: { select: { submittedAt: true, startedAt: true, user: { select: { id: true, name: true } } } },
    },
  });
  const entry = response ? questions.get(response.questionId) : undefined;
  if (!response || !entry || !response.attempt.user)
    throw new NotFoundError("That answer is not an interview answer from this cohort.");
  const { question, quizTitle } = entry;
  const answer = AnswerSchema.safeParse(safeJson(response.answer));
  const text = answer.success && answer.data.type === "interview" ? answer.data.text : "";
  const coverage = gradeInterview(question, text);
  const storedPoints = parseStoredRubricGrades(response.rubricGrades);
  return {
    responseId: response.id,
    questionId: response.questionId,
    quizTitle,
    prompt: question.prompt,
    learnerId: response.attempt.user.id,
    learnerName: response.attempt.user.name,
    submittedAt: response.attempt.submittedAt ?? response.attempt.startedAt,
    gradedScore: response.reviewedAt ? response.overrideScore : null,
    text,
    autoScore: response.score,
    points: coverage.points.map((point, index) => ({
      id: point.id,
      number: index + 1,
      point: point.point,
      weight: point.weight,
      covered: point.covered,
      matchedPhrases: [...new Set(point.matches.map((match) => text.slice(match.start, match.end)))],
      status: point.status,
      evidence: point.evidence,
      matches: point.matches.map(({ start, end }) => ({ start, end })),
    })),
    listOfTerms: coverage.listOfTerms,
    ranges: coverage.points.flatMap((point, index) =>
      point.matches.map((match) => ({ start: match.start, end: match.end, pointNumber: index + 1 })),
    ),
    modelAnswer: question.modelAnswer,
    grade:
      response.overrideScore === null
        ? null
        : {
            score: response.overrideScore,
            points: storedPoints,
            comment: response.instructorFeedback,
            reviewedAt: response.reviewedAt,
          },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
