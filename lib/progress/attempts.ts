import { directSqlOf, type Db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import type { Answer } from "@/lib/grading/answer-schema";
import type { Question } from "@/lib/questions/schema";
import { assertAnswerFits } from "@/lib/questions/validate-answer";
import { upsertOwnAnswer } from "./autosave-statement";
import { writeSubmission, type GradedResponse } from "./submit-statements";

/** Who is answering: an account, or an anonymous browser identified by its cookie. */
export type Learner = { kind: "user"; id: string } | { kind: "anon"; anonId: string };

export class ConflictError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export type AttemptMode = "practice" | "check";
export type AttemptKind = "lesson" | "review";

function ownerWhere(learner: Learner) {
  return learner.kind === "user" ? { userId: learner.id } : { anonId: learner.anonId, userId: null };
}

function owns(learner: Learner, attempt: { userId: string | null; anonId: string | null }): boolean {
  return learner.kind === "user"
    ? attempt.userId === learner.id
    : attempt.userId === null && attempt.anonId === learner.anonId;
}

/**
 * The learner's open attempt at this quiz in this mode, or a new one. Reusing
 * the open attempt is what lets a reload (or another tab) continue where it was.
 */
export async function openAttempt(
  db: Db,
  learner: Learner,
  input: { quizSlug: string; kind: AttemptKind; mode: AttemptMode; questionIds: string[]; seed: number },
) {
  if (input.kind === "lesson") {
    const existing = await db.quizAttempt.findFirst({
      where: {
        ...ownerWhere(learner),
        quizSlug: input.quizSlug,
        kind: "lesson",
        mode: input.mode,
        status: "open",
      },
      orderBy: { startedAt: "desc" },
    });
    if (existing) return existing;
  }
  return db.quizAttempt.create({
    data: {
      ...(learner.kind === "user" ? { userId: learner.id } : { anonId: learner.anonId }),
      quizSlug: input.quizSlug,
      kind: input.kind,
      mode: input.mode,
      questionIds: JSON.stringify(input.questionIds),
      seed: input.seed,
    },
  });
}

/** An attempt with its responses, only for its owner. */
export async function getAttempt(db: Db, learner: Learner, attemptId: string) {
  const attempt = await db.quizAttempt.findUnique({ where: { id: attemptId }, include: { responses: true } });
  if (!attempt) throw new NotFoundError("That attempt does not exist.");
  if (!owns(learner, attempt)) throw new ForbiddenError("That attempt belongs to someone else.");
  return { ...attempt, questionIds: JSON.parse(attempt.questionIds) as string[] };
}

/** Autosave: the latest answer wins; saving the same answer again changes nothing. */
export async function saveResponse(
  db: Db,
  learner: Learner,
  attemptId: string,
  questionId: string,
  answerJson: string,
  now = new Date(),
) {
  // The hottest write: one guarded statement (owner, open, question in the attempt), no Prisma.
  const saved = await upsertOwnAnswer(directSqlOf(db), learner, { attemptId, questionId, answerJson, now });
  if (!saved) await explainRefusedSave(db, learner, attemptId, questionId);
  return { attemptId, questionId, answer: answerJson, updatedAt: now };
}

/** Why the guarded autosave wrote nothing, as the error the learner sees; read only when it did not. */
async function explainRefusedSave(db: Db, learner: Learner, attemptId: string, questionId: string) {
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, anonId: true, status: true, questionIds: true },
  });
  if (!attempt) throw new NotFoundError("That attempt does not exist.");
  if (!owns(learner, attempt)) throw new ForbiddenError("That attempt belongs to someone else.");
  if (attempt.status !== "open")
    throw new ConflictError("This attempt is already submitted; start a new one to answer again.");
  if (!(JSON.parse(attempt.questionIds) as string[]).includes(questionId))
    throw new NotFoundError("That question is not part of this attempt.");
  // Every check passes on this read: only an attempt changing between the two statements gets here.
  throw new ConflictError("This attempt changed while saving; reload the page and try again.");
}

/**
 * Autosave of an answer checked against its question first (option ids exist, one entry per blank…):
 * an answer that does not fit throws AnswerValidationError (422) and nothing is written.
 */
export async function saveCheckedResponse(
  db: Db,
  learner: Learner,
  attemptId: string,
  question: Question,
  answer: Answer,
) {
  assertAnswerFits(question, answer);
  return saveResponse(db, learner, attemptId, question.id, JSON.stringify(answer));
}

/** Where a practice question stands before this check: tries used and whether the answer was shown. */
export type PracticeState = { tries: number; shown: boolean };

async function openPracticeResponse(db: Db, learner: Learner, attemptId: string, questionId: string) {
  const attempt = await getAttempt(db, learner, attemptId);
  if (attempt.mode !== "practice")
    throw new ConflictError("Answers are checked one by one only in practice mode.");
  if (attempt.status !== "open") throw new ConflictError("This attempt is already submitted.");
  if (!attempt.questionIds.includes(questionId))
    throw new NotFoundError("That question is not part of this attempt.");
  const response = attempt.responses.find((entry) => entry.questionId === questionId);
  return {
    tries: response?.checks ?? 0,
    shown: Boolean(response?.revealedAt),
    savedAnswerJson: response?.answer ?? null,
  };
}

/**
 * Practice mode: the answer is graded at once and the learner may try again.
 * `build` gets the state after this check (tries counted) and returns what to store and show.
 */
export async function recordPracticeCheck(
  db: Db,
  learner: Learner,
  attemptId: string,
  questionId: string,
  build:
    | ((state: PracticeState) => { answerJson: string; score: number; feedbackJson: string })
    | { answerJson: string; score: number; feedbackJson: string },
) {
  const before = await openPracticeResponse(db, learner, attemptId, questionId);
  const result =
    typeof build === "function" ? build({ tries: before.tries + 1, shown: before.shown }) : build;
  return db.quizResponse.upsert({
    where: { attemptId_questionId: { attemptId, questionId } },
    create: {
      attemptId,
      questionId,
      answer: result.answerJson,
      score: result.score,
      maxScore: 1,
      feedback: result.feedbackJson,
      checks: 1,
    },
    update: {
      answer: result.answerJson,
      score: result.score,
      maxScore: 1,
      feedback: result.feedbackJson,
      checks: { increment: 1 },
    },
  });
}

/**
 * Practice mode "Show answer": recorded (revealedAt) so instructors and the export can tell.
 * `build` grades the saved answer (or none) with the key shown.
 */
export async function revealPracticeAnswer(
  db: Db,
  learner: Learner,
  attemptId: string,
  questionId: string,
  build: (
    state: PracticeState,
    savedAnswerJson: string | null,
  ) => { answerJson: string; score: number; feedbackJson: string },
  now = new Date(),
) {
  const before = await openPracticeResponse(db, learner, attemptId, questionId);
  const result = build({ tries: before.tries, shown: true }, before.savedAnswerJson);
  await db.quizResponse.upsert({
    where: { attemptId_questionId: { attemptId, questionId } },
    create: {
      attemptId,
      questionId,
      answer: result.answerJson,
      score: result.score,
      maxScore: 1,
      feedback: result.feedbackJson,
      revealedAt: now,
    },
    update: {
      score: result.score,
      maxScore: 1,
      feedback: result.feedbackJson,
      revealedAt: before.shown ? undefined : now,
    },
  });
  return result;
}

export type { GradedResponse } from "./submit-statements";

/**
 * Grades once. Submitting an already submitted attempt returns it unchanged
 * (a double click or a retried request never counts twice). For signed-in
 * learners the same transaction moves each question's review card.
 */
export async function submitAttempt(
  db: Db,
  learner: Learner,
  attemptId: string,
  grade: (answers: Map<string, string>) => GradedResponse[],
  now = new Date(),
) {
  const withResponses = { where: { id: attemptId }, include: { responses: true } } as const;
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, anonId: true, status: true, questionIds: true },
  });
  if (!attempt) throw new NotFoundError("That attempt does not exist.");
  if (!owns(learner, attempt)) throw new ForbiddenError("That attempt belongs to someone else.");
  if (attempt.status === "submitted")
    return { attempt: await db.quizAttempt.findUniqueOrThrow(withResponses), alreadySubmitted: true };

  // Cards move only when their learner submits: read them before the short write transaction.
  const questionIds = JSON.parse(attempt.questionIds) as string[];
  const cards = attempt.userId
    ? await db.reviewCard.findMany({ where: { userId: attempt.userId, questionId: { in: questionIds } } })
    : [];
  const submitted = await writeSubmission(directSqlOf(db), {
    attemptId,
    userId: attempt.userId,
    grade,
    cards: new Map(cards.map((card) => [card.questionId, card])),
    now,
  });
  return { attempt: await db.quizAttempt.findUniqueOrThrow(withResponses), alreadySubmitted: !submitted };
}

/** The learner's attempts, newest first (scores over time). */
export async function listAttempts(db: Db, learner: Learner, quizSlug?: string) {
  return db.quizAttempt.findMany({
    where: { ...ownerWhere(learner), ...(quizSlug ? { quizSlug } : {}) },
    orderBy: { startedAt: "desc" },
    take: 100,
  });
}

/** On sign-in: attempts made anonymously in this browser become the account's. */
export async function claimAnonymousAttempts(db: Db, userId: string, anonId: string): Promise<number> {
  const { count } = await db.quizAttempt.updateMany({
    where: { anonId, userId: null },
    data: { userId, anonId: null },
  });
  return count;
}

export async function dueReviewCards(db: Db, userId: string, now = new Date()) {
  return db.reviewCard.findMany({ where: { userId, due: { lte: now } }, orderBy: { due: "asc" } });
}

export async function listReviewCards(db: Db, userId: string) {
  return db.reviewCard.findMany({ where: { userId }, orderBy: { due: "asc" } });
}
