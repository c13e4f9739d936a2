import { z } from "zod";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import { AnswerSchema, type Answer } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { answerKey } from "@/lib/grading/normalise";
import { ConflictError } from "@/lib/progress/attempts";
import { withAcceptedAnswers } from "@/lib/questions/accepted-answers";
import { feedbackFor } from "@/lib/questions/feedback";
import type { FillInQuestion, Question } from "@/lib/questions/schema";
import { findTaughtCohort } from "./cohort-access";
import type { QuizBank } from "./item-analysis-data";

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const AcceptAnswerSchema = z.object({
  cohortId: Id,
  questionId: Id,
  blankIndex: z.coerce.number().int().min(0).max(5),
  answer: z.string().trim().min(1, "The answer is empty.").max(200, "That answer is too long to accept."),
  /** "cohort": graded so in this cohort only; "course": every cohort (administrators only). */
  scope: z.enum(["cohort", "course"]).default("cohort"),
});
export type AcceptAnswerInput = Omit<z.infer<typeof AcceptAnswerSchema>, "scope"> & {
  scope?: "cohort" | "course";
};

export const RemoveAcceptedAnswerSchema = z.object({ cohortId: Id, acceptedAnswerId: Id });
export type RemoveAcceptedAnswerInput = z.infer<typeof RemoveAcceptedAnswerSchema>;

/** How a regrade went: responses looked at, and how many of them got a different score. */
export type RegradeResult = { regraded: number; changed: number; attemptsChanged: number };

// A course-wide regrade touches every submitted response to the question: allow it more than the 5 s default.
const REGRADE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

function fillInQuestion(bank: QuizBank, questionId: string): { question: FillInQuestion; quiz: string } {
  for (const quiz of bank)
    for (const question of quiz.questions)
      if (question.id === questionId) {
        if (question.type !== "fill-in")
          throw new ConflictError("Only typed (fill-in) answers can be accepted for everyone.");
        return { question, quiz: quiz.lesson };
      }
  throw new NotFoundError("There is no such question in the lesson quizzes.");
}

/**
 * Who may add or remove an accepted answer: one scoped to a cohort, its instructors (and
 * administrators who teach it); a course-wide one, administrators only. Checked again on removal
 * against the row's own scope, so the cohort named in the request cannot widen it.
 */
async function assertMayManage(db: Db, actor: Actor, cohortId: string, scope: string | null) {
  if (scope === null) {
    if (!actor.administrator)
      throw new ForbiddenError("Only an administrator can accept or remove answers for every cohort.");
    return;
  }
  if (scope !== cohortId) throw new ForbiddenError("That answer was accepted in another cohort.");
  await findTaughtCohort(db, actor, cohortId);
}

/**
 * Accepts a typed answer for one blank of a fill-in question, in the cohort it is added through
 * (its learners' submitted responses are regraded in the same transaction; other cohorts keep their
 * grades) or, for administrators, course-wide (every response regraded).
 */
export async function acceptAnswerForEveryone(
  db: Db,
  actor: Actor,
  input: AcceptAnswerInput,
  bank: QuizBank,
): Promise<RegradeResult & { acceptedAnswerId: string }> {
  const scope = input.scope === "course" ? null : input.cohortId;
  if (scope === null) await findTaughtCohort(db, actor, input.cohortId);
  await assertMayManage(db, actor, input.cohortId, scope);
  const { question, quiz } = fillInQuestion(bank, input.questionId);
  const blank = question.blanks[input.blankIndex];
  if (!blank) throw new NotFoundError("That question has no such blank.");
  const key = answerKey(input.answer);
  if (key === "") throw new ConflictError("That answer has no letters or digits to accept.");
  if (blank.accept.some((accepted) => answerKey(accepted) === key))
    throw new ConflictError("The question's key already accepts that answer for this blank.");

  return db.$transaction(async (tx) => {
    // A null cohortId never matches in a unique index, so look for the same scope explicitly.
    const existing = await tx.acceptedAnswer.findFirst({
      where: { questionId: question.id, blankIndex: input.blankIndex, answerKey: key, cohortId: scope },
    });
    if (existing) throw new ConflictError("That answer is already accepted for this blank.");
    const created = await tx.acceptedAnswer.create({
      data: {
        questionId: question.id,
        blankIndex: input.blankIndex,
        answer: input.answer,
        answerKey: key,
        cohortId: scope,
        addedById: actor.id,
      },
    });
    const result = await regradeQuestion(tx as unknown as Db, question, quiz, scope);
    return { ...result, acceptedAnswerId: created.id };
  }, REGRADE_TRANSACTION);
}

/** Undo: the answer is no longer accepted where it was, and those responses are regraded without it. */
export async function removeAcceptedAnswer(
  db: Db,
  actor: Actor,
  input: RemoveAcceptedAnswerInput,
  bank: QuizBank,
): Promise<RegradeResult> {
  const row = await db.acceptedAnswer.findUnique({ where: { id: input.acceptedAnswerId } });
  if (!row) throw new NotFoundError("That accepted answer was already removed.");
  await findTaughtCohort(db, actor, input.cohortId);
  await assertMayManage(db, actor, input.cohortId, row.cohortId);
  return db.$transaction(async (tx) => {
    const deleted = await tx.acceptedAnswer.deleteMany({ where: { id: row.id } });
    if (deleted.count === 0) throw new NotFoundError("That accepted answer was already removed.");
    const inBank = bank.some((quiz) => quiz.questions.some((question) => question.id === row.questionId));
    if (!inBank) return { regraded: 0, changed: 0, attemptsChanged: 0 };
    const { question, quiz } = fillInQuestion(bank, row.questionId);
    return regradeQuestion(tx as unknown as Db, question, quiz, row.cohortId);
  }, REGRADE_TRANSACTION);
}

function storedAnswer(json: string, question: Question): Answer | null {
  try {
    const parsed = AnswerSchema.safeParse(JSON.parse(json));
    return parsed.success && parsed.data.type === question.type ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Grades every submitted response to the question again with its current accepted answers, the way
 * submitting does (score and feedback). An instructor's overrideScore is left as it is: it still
 * counts over the automatic score. Each changed attempt's total is recomputed as
 * Σ(overrideScore ?? score), like an override does. Open attempts are graded when submitted.
 * Review cards are not moved again: they record what the learner knew when answering.
 */
async function regradeQuestion(
  tx: Db,
  bankQuestion: FillInQuestion,
  quizSlug: string,
  scope: string | null,
): Promise<RegradeResult> {
  const accepted = await tx.acceptedAnswer.findMany({
    where: { questionId: bankQuestion.id },
    select: { questionId: true, blankIndex: true, answer: true, cohortId: true },
    orderBy: { createdAt: "asc" },
  });
  // A cohort-scoped change touches only that cohort's learners' responses.
  const responses = await tx.quizResponse.findMany({
    where: {
      questionId: bankQuestion.id,
      attempt: {
        status: "submitted",
        ...(scope ? { user: { memberships: { some: { cohortId: scope, role: "learner" } } } } : {}),
      },
    },
    select: {
      id: true,
      attemptId: true,
      answer: true,
      score: true,
      feedback: true,
      attempt: { select: { userId: true } },
    },
  });
  // Each learner is graded with the course-wide answers plus those of every cohort they learn in.
  const userIds = [
    ...new Set(responses.flatMap((response) => (response.attempt.userId ? [response.attempt.userId] : []))),
  ];
  const cohortsOf = new Map<string, Set<string>>();
  for (let start = 0; start < userIds.length; start += 500)
    for (const membership of await tx.cohortMembership.findMany({
      where: { userId: { in: userIds.slice(start, start + 500) }, role: "learner" },
      select: { userId: true, cohortId: true },
    })) {
      const set = cohortsOf.get(membership.userId) ?? new Set<string>();
      set.add(membership.cohortId);
      cohortsOf.set(membership.userId, set);
    }
  const keyCache = new Map<string, FillInQuestion>();
  const questionFor = (userId: string | null): FillInQuestion => {
    const cohorts = userId ? (cohortsOf.get(userId) ?? new Set<string>()) : new Set<string>();
    const applies = accepted.filter((row) => row.cohortId === null || cohorts.has(row.cohortId));
    const cacheKey = applies.map((row) => `${row.blankIndex}:${row.answer}`).join("\n");
    let question = keyCache.get(cacheKey);
    if (!question) {
      question = withAcceptedAnswers(bankQuestion, applies) as FillInQuestion;
      keyCache.set(cacheKey, question);
    }
    return question;
  };
  const changedAttempts = new Set<string>();
  let changed = 0;
  for (const response of responses) {
    const question = questionFor(response.attempt.userId);
    const graded = gradeAnswer(question, storedAnswer(response.answer, question));
    const feedback = JSON.stringify(feedbackFor(question, graded, quizSlug));
    const scoreChanged = graded.score !== response.score;
    if (!scoreChanged && feedback === response.feedback) continue;
    await tx.quizResponse.update({
      where: { id: response.id },
      data: { score: graded.score, maxScore: 1, feedback },
    });
    if (scoreChanged) {
      changed += 1;
      changedAttempts.add(response.attemptId);
    }
  }
  if (changedAttempts.size > 0) {
    const attemptIds = [...changedAttempts];
    const scores = [];
    // In slices, so a question answered by many thousands stays under the databases' bound-parameter limits.
    for (let start = 0; start < attemptIds.length; start += 500)
      scores.push(
        ...(await tx.quizResponse.findMany({
          where: { attemptId: { in: attemptIds.slice(start, start + 500) } },
          select: { attemptId: true, score: true, overrideScore: true },
        })),
      );
    const totals = new Map<string, number>();
    for (const row of scores)
      totals.set(row.attemptId, (totals.get(row.attemptId) ?? 0) + (row.overrideScore ?? row.score ?? 0));
    for (const [attemptId, score] of totals)
      await tx.quizAttempt.update({ where: { id: attemptId }, data: { score } });
  }
  return { regraded: responses.length, changed, attemptsChanged: changedAttempts.size };
}
