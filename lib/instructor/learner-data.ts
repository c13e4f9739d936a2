import "server-only";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { listLessons } from "@/lib/content/lessons";
import { getLab } from "@/lib/labs/catalog";
import { labActivityOf } from "@/lib/progress/lab-activity";
import type { CheckResult } from "@/lib/labs/result-types";
import { getQuestionsById, loadQuizzes } from "@/lib/questions/bank";
import type { Question } from "@/lib/questions/schema";
import { findCohortLearner, findTaughtCohort, type TaughtCohort } from "./cohort-access";
import { answerText, feedbackLines, questionText } from "./learner-answers";
import { reviewHealth, type ReviewHealth } from "./learner-review-health";
import { groupByDay, timelineEvents, type TimelineDay } from "./learner-timeline";

/** The page shows at most this many attempts and lab runs (newest); it says so when there are more. */
export const LEARNER_PAGE_LIMIT = 200;

export type ResponseView = {
  id: string;
  questionId: string;
  questionType: Question["type"] | null;
  question: string;
  answer: string;
  score: number | null;
  feedback: string[];
  overrideScore: number | null;
  instructorFeedback: string | null;
  reviewedAt: Date | null;
};

export type AttemptView = {
  id: string;
  title: string;
  kind: string;
  mode: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  startedAt: Date;
  submittedAt: Date | null;
  responses: ResponseView[];
};

export type LabRunView = {
  id: string;
  title: string;
  code: string;
  params: string;
  passed: boolean;
  headline: string;
  checks: CheckResult[];
  createdAt: Date;
  /** The learner had revealed the worked solution before this run. */
  afterReveal: boolean;
};

/** Per lab: when the worked solution was revealed, and how many submissions were rejected unstored. */
export type LabActivityView = {
  labSlug: string;
  title: string;
  solutionRevealedAt: Date | null;
  rejectedSubmissions: number;
};

export type LearnerDetail = {
  cohort: TaughtCohort;
  learner: { id: string; name: string; email: string; joinedAt: Date };
  timeline: TimelineDay[];
  attempts: AttemptView[];
  /** Submitted interview answers, newest first. */
  interviewAnswers: Array<ResponseView & { attemptId: string; submittedAt: Date | null }>;
  labRuns: LabRunView[];
  labActivity: LabActivityView[];
  review: ReviewHealth & { leechQuestions: Array<{ questionId: string; lapses: number; question: string }> };
  truncated: { attempts: boolean; labRuns: boolean };
};

/**
 * Everything the instructor's learner page shows. The order of checks matters: first that the actor
 * teaches the cohort (learners and other instructors: ForbiddenError), then that the learner is in
 * it (NotFoundError), and only then any of the learner's data is read.
 */
export async function loadLearnerDetail(
  db: Db,
  actor: Actor,
  cohortId: string,
  learnerId: string,
  now = new Date(),
): Promise<LearnerDetail> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const membership = await findCohortLearner(db, cohortId, learnerId);

  const [lessonRows, attemptRows, labRows, cards] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: learnerId },
      select: { lessonSlug: true, completedAt: true, lastSeenAt: true },
    }),
    db.quizAttempt.findMany({
      where: { userId: learnerId },
      orderBy: { startedAt: "desc" },
      take: LEARNER_PAGE_LIMIT + 1,
      select: {
        id: true,
        quizSlug: true,
        kind: true,
        mode: true,
        status: true,
        questionIds: true,
        score: true,
        maxScore: true,
        startedAt: true,
        submittedAt: true,
        responses: {
          select: {
            id: true,
            questionId: true,
            answer: true,
            score: true,
            feedback: true,
            overrideScore: true,
            instructorFeedback: true,
            reviewedAt: true,
          },
        },
      },
    }),
    db.labRun.findMany({
      where: { userId: learnerId },
      orderBy: { createdAt: "desc" },
      take: LEARNER_PAGE_LIMIT + 1,
    }),
    db.reviewCard.findMany({
      where: { userId: learnerId },
      select: { questionId: true, due: true, stability: true, lapses: true },
    }),
  ]);

  const attemptsShown = attemptRows.slice(0, LEARNER_PAGE_LIMIT);
  const labRunsShown = labRows.slice(0, LEARNER_PAGE_LIMIT);
  const [lessons, quizzes, questions] = await Promise.all([
    listLessons(),
    loadQuizzes(),
    getQuestionsById([
      ...attemptsShown.flatMap((attempt) => attempt.responses.map((response) => response.questionId)),
      ...cards.map((card) => card.questionId),
    ]),
  ]);
  const lessonTitle = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]));
  const quizTitle = new Map(quizzes.map((quiz) => [quiz.lesson, quiz.title]));
  const describe = (questionId: string) => {
    const question = questions.get(questionId)?.question ?? null;
    return {
      question,
      text: question ? questionText(question) : `(question “${questionId}” is no longer in the bank)`,
    };
  };

  const attempts: AttemptView[] = attemptsShown.map((attempt) => {
    const order = questionOrder(attempt.questionIds);
    return {
      id: attempt.id,
      title:
        attempt.kind === "review"
          ? "Review of past mistakes"
          : (quizTitle.get(attempt.quizSlug) ?? attempt.quizSlug),
      kind: attempt.kind,
      mode: attempt.mode,
      status: attempt.status,
      score: attempt.score,
      maxScore: attempt.maxScore,
      startedAt: attempt.startedAt,
      submittedAt: attempt.submittedAt,
      responses: [...attempt.responses]
        .sort((a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0))
        .map((response) => {
          const { question, text } = describe(response.questionId);
          return {
            id: response.id,
            questionId: response.questionId,
            questionType: question?.type ?? null,
            question: text,
            answer: answerText(question, response.answer),
            score: response.score,
            feedback: feedbackLines(response.feedback),
            overrideScore: response.overrideScore,
            instructorFeedback: response.instructorFeedback,
            reviewedAt: response.reviewedAt,
          };
        }),
    };
  });

  const labRuns: LabRunView[] = labRunsShown.map((run) => {
    const verdict = parseVerdict(run.verdict);
    return {
      id: run.id,
      title: getLab(run.labSlug)?.title ?? run.labSlug,
      code: run.code,
      params: run.params,
      passed: run.passed,
      headline: verdict.headline,
      checks: verdict.checks,
      createdAt: run.createdAt,
      afterReveal: run.afterReveal,
    };
  });
  const labActivity: LabActivityView[] = (await labActivityOf(db, learnerId)).map((row) => ({
    ...row,
    title: getLab(row.labSlug)?.title ?? row.labSlug,
  }));

  const health = reviewHealth(cards, now);
  return {
    cohort,
    learner: { ...membership.user, joinedAt: membership.joinedAt },
    timeline: groupByDay(
      timelineEvents({
        lessons: lessonRows.map((row) => ({
          ...row,
          title: lessonTitle.get(row.lessonSlug) ?? row.lessonSlug,
        })),
        attempts,
        labRuns,
      }),
    ),
    attempts,
    interviewAnswers: attempts
      .filter((attempt) => attempt.status === "submitted")
      .flatMap((attempt) =>
        attempt.responses
          .filter((response) => response.questionType === "interview")
          .map((response) => ({ ...response, attemptId: attempt.id, submittedAt: attempt.submittedAt })),
      ),
    labRuns,
    labActivity,
    review: {
      ...health,
      leechQuestions: health.leeches.map((leech) => ({
        ...leech,
        question: describe(leech.questionId).text,
      })),
    },
    truncated: {
      attempts: attemptRows.length > LEARNER_PAGE_LIMIT,
      labRuns: labRows.length > LEARNER_PAGE_LIMIT,
    },
  };
}

function questionOrder(questionIdsJson: string): Map<string, number> {
  try {
    const ids = JSON.parse(questionIdsJson) as unknown;
    return new Map(Array.isArray(ids) ? ids.map((id, index) => [String(id), index]) : []);
  } catch {
    return new Map();
  }
}

function parseVerdict(json: string): { headline: string; checks: CheckResult[] } {
  try {
    const verdict = JSON.parse(json) as { headline?: unknown; checks?: unknown };
    const checks = Array.isArray(verdict.checks)
      ? verdict.checks.flatMap((check: unknown) => {
          const { label, passed, detail } = (check ?? {}) as Partial<CheckResult>;
          return typeof label === "string" && typeof passed === "boolean"
            ? [{ label, passed, detail: typeof detail === "string" ? detail : "" }]
            : [];
        })
      : [];
    return { headline: typeof verdict.headline === "string" ? verdict.headline : "", checks };
  } catch {
    return { headline: "", checks: [] };
  }
}
