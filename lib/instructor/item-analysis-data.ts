import type { Db } from "@/lib/db";
import { NotFoundError, type Actor } from "@/lib/access";
import {
  analyseQuiz,
  type ItemAnalysis,
  type QuizAnalysis,
  type ItemResponse,
} from "@/lib/analytics/quiz-analysis";
import type { Answer } from "@/lib/grading/answer-schema";
import { loadAcceptedAnswers, scopeWhere, withAcceptedAnswers } from "@/lib/questions/accepted-answers";
import type { Question, QuizFile } from "@/lib/questions/schema";
import { findTaughtCohort, type TaughtCohort } from "./cohort-access";

/** The quizzes to analyse, as lib/questions/bank loads them (passed in so this module stays testable). */
export type QuizBank = readonly QuizFile[];

export type QuizItems = {
  slug: string;
  title: string;
  /** The bank's questions with accepted answers merged in, in bank order (the analysis's columns). */
  questions: Question[];
  analysis: QuizAnalysis;
};

/** One response as the query returns it; a learner has one first attempt per quiz, so the attempt stands for the learner. */
type ResponseRow = {
  attemptId: string;
  questionId: string;
  /** overrideScore ?? score: an instructor's override is the score that counts. */
  score: number;
  answer: string | null;
};

/**
 * Each cohort learner's FIRST submitted lesson attempt per quiz, one row per response, in one query
 * (raw SQL: a window function picks the first attempt, and Prisma's row mapping would cost more than
 * the query itself at 1,000 learners × 60 questions).
 * The first attempt is the one made before any feedback on that quiz (later attempts follow the
 * explanations and the key), so it measures the questions rather than the learners' memory of them.
 * Only the columns the statistics need; interview answers (long free text, not tallied) come back
 * null — stored answers are JSON with "type" first (AnswerSchema output), hence the prefix test.
 */
async function firstAttemptResponses(db: Db, cohortId: string, quizSlug: string): Promise<ResponseRow[]> {
  return db.$queryRaw<ResponseRow[]>`
    WITH firsts AS (
      SELECT a."id", a."userId", a."quizSlug",
             ROW_NUMBER() OVER (PARTITION BY a."userId", a."quizSlug" ORDER BY a."submittedAt", a."id") AS "rank"
      FROM "QuizAttempt" a
      JOIN "CohortMembership" m ON m."userId" = a."userId" AND m."cohortId" = ${cohortId} AND m."role" = 'learner'
      WHERE a."kind" = 'lesson' AND a."status" = 'submitted' AND a."mode" = 'check'
        AND a."quizSlug" = ${quizSlug}
    )
    SELECT f."id" AS "attemptId", r."questionId",
           COALESCE(r."overrideScore", r."score", 0) AS "score",
           CASE WHEN r."answer" LIKE '{"type":"interview"%' THEN NULL ELSE r."answer" END AS "answer"
    FROM firsts f
    JOIN "QuizResponse" r ON r."attemptId" = f."id"
    WHERE f."rank" = 1`;
}

/** A stored answer, if it is one for this question type (it was validated by AnswerSchema when saved). */
function storedAnswer(json: string | null, type: Question["type"]): Answer | null {
  if (json === null || type === "interview") return null;
  try {
    // A cheap shape check rather than AnswerSchema: this runs for every response of the cohort.
    const parsed = JSON.parse(json) as Partial<Record<string, unknown>> | null;
    if (parsed === null || typeof parsed !== "object" || parsed.type !== type) return null;
    const fits =
      type === "fill-in"
        ? Array.isArray(parsed.blanks) && parsed.blanks.every((blank) => typeof blank === "string")
        : type === "multiple-choice"
          ? Array.isArray(parsed.selected) && parsed.selected.every((id) => typeof id === "string")
          : typeof parsed.value === "boolean";
    return fits ? (parsed as Answer) : null;
  } catch {
    return null;
  }
}

/** Learner × question responses of one quiz. A question missing from a learner's attempt stays null. */
function quizResponses(questions: readonly Question[], rows: readonly ResponseRow[]): ItemResponse[][] {
  const column = new Map(questions.map((question, index) => [question.id, index]));
  const byLearner = new Map<string, ItemResponse[]>();
  // Most stored answers repeat (the same option, true/false, a common typed answer): parse each distinct one once.
  const parsed = new Map<string, Answer | null>();
  const answerOf = (json: string | null, type: Question["type"]) => {
    if (json === null) return null;
    const key = `${type}\u0000${json}`;
    let answer = parsed.get(key);
    if (answer === undefined) {
      answer = storedAnswer(json, type);
      parsed.set(key, answer);
    }
    return answer;
  };
  for (const row of rows) {
    const index = column.get(row.questionId);
    // A question removed from the bank since has no prompt or key to show: left out.
    if (index === undefined) continue;
    let learner = byLearner.get(row.attemptId);
    if (!learner) {
      learner = questions.map(() => null);
      byLearner.set(row.attemptId, learner);
    }
    learner[index] = { score: Number(row.score), answer: answerOf(row.answer, questions[index]!.type) };
  }
  return [...byLearner.values()];
}

/** One quiz's learner × question analysis for a cohort, with accepted answers merged into the key. */
async function analyseQuizItems(db: Db, cohortId: string, quiz: QuizFile): Promise<QuizItems> {
  const fillInIds = quiz.questions
    .filter((question) => question.type === "fill-in")
    .map((question) => question.id);
  const [rows, accepted] = await Promise.all([
    firstAttemptResponses(db, cohortId, quiz.lesson),
    loadAcceptedAnswers(db, fillInIds, [cohortId]),
  ]);
  const questions = quiz.questions.map((question) => withAcceptedAnswers(question, accepted));
  const analysis = analyseQuiz({ questions, rows: quizResponses(questions, rows) });
  return { slug: quiz.lesson, title: quiz.title, questions, analysis };
}

/** Per lesson quiz, how many of the cohort's learners have submitted it (for choosing a quiz). One cheap query. */
export async function countQuizTakers(
  db: Db,
  actor: Actor,
  cohortId: string,
): Promise<{ cohort: TaughtCohort; takers: Map<string, number> }> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const rows = await db.quizAttempt.groupBy({
    by: ["quizSlug", "userId"],
    where: {
      kind: "lesson",
      status: "submitted",
      // Practice answers come with hints and revealed keys: item statistics use check mode only.
      mode: "check",
      user: { memberships: { some: { cohortId: cohort.id, role: "learner" } } },
    },
  });
  const takers = new Map<string, number>();
  for (const row of rows) takers.set(row.quizSlug, (takers.get(row.quizSlug) ?? 0) + 1);
  return { cohort, takers };
}

/**
 * One quiz's item analysis for a cohort this instructor teaches. The page shows one quiz at a time:
 * a quiz is the unit the statistics belong to, and it keeps the work per page proportional to one
 * quiz's responses rather than the whole course's.
 */
export async function loadQuizItemAnalysis(
  db: Db,
  actor: Actor,
  cohortId: string,
  bank: QuizBank,
  quizSlug: string,
): Promise<QuizItems> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const quiz = bank.find((candidate) => candidate.lesson === quizSlug);
  if (!quiz) throw new NotFoundError("There is no such lesson quiz.");
  return analyseQuizItems(db, cohort.id, quiz);
}

export type AcceptedAnswerView = {
  id: string;
  /** The cohort it was accepted in; null = every cohort (an administrator's). */
  cohortId: string | null;
  blankIndex: number;
  answer: string;
  addedBy: string;
  createdAt: Date;
};

export type QuestionItems = {
  cohort: TaughtCohort;
  quiz: { slug: string; title: string; learners: number };
  /** The question with accepted answers merged in (what grading uses now). */
  question: Question;
  /** The question as the bank has it, for showing which answers are the bank's own. */
  bankQuestion: Question;
  item: ItemAnalysis;
  accepted: AcceptedAnswerView[];
};

/** One question's statistics and response analysis within its quiz, for this cohort. */
export async function loadQuestionItemAnalysis(
  db: Db,
  actor: Actor,
  cohortId: string,
  questionId: string,
  bank: QuizBank,
): Promise<QuestionItems> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const quiz = bank.find((candidate) => candidate.questions.some((question) => question.id === questionId));
  if (!quiz) throw new NotFoundError("There is no such question in the lesson quizzes.");
  const [analysed, accepted] = await Promise.all([
    analyseQuizItems(db, cohort.id, quiz),
    db.acceptedAnswer.findMany({
      where: { questionId, ...scopeWhere([cohort.id]) },
      select: {
        id: true,
        cohortId: true,
        blankIndex: true,
        answer: true,
        createdAt: true,
        addedBy: { select: { name: true } },
      },
      orderBy: [{ blankIndex: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const index = analysed.questions.findIndex((question) => question.id === questionId);
  return {
    cohort,
    quiz: { slug: quiz.lesson, title: quiz.title, learners: analysed.analysis.learners },
    question: analysed.questions[index]!,
    bankQuestion: quiz.questions[index]!,
    item: analysed.analysis.items[index]!,
    accepted: accepted.map(({ addedBy, ...row }) => ({ ...row, addedBy: addedBy.name })),
  };
}
