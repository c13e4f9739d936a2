import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import {
  checkRubricGrades,
  rubricScore,
  RubricGradeInputSchema,
  type RubricGrade,
  type RubricGradeInput,
} from "@/lib/grading/rubric-grade";
import { getQuestionsById } from "@/lib/questions/bank";
import { ConflictError } from "./attempts";

/** Grading input that cannot be stored as it is (maps to 422; the message says what to change). */
export class InvalidGradeError extends Error {
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = "InvalidGradeError";
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Does this instructor teach a cohort the learner belongs to? Every instructor read or write of a learner's work checks it. */
export async function teachesLearner(db: Db, actor: Actor, learnerId: string): Promise<boolean> {
  if (actor.role !== "instructor") return false;
  const shared = await db.cohortMembership.findFirst({
    where: {
      userId: learnerId,
      role: "learner",
      cohort: { memberships: { some: { userId: actor.id, role: "instructor" } } },
    },
  });
  return shared !== null;
}

/**
 * An instructor's score (0–1) and comment on one graded answer, typically an
 * interview answer. The attempt's total is recomputed with the override.
 */
export async function overrideResponseScore(
  db: Db,
  actor: Actor,
  responseId: string,
  input: { score: number; feedback: string },
  now = new Date(),
) {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors can grade answers.");
  if (!(input.score >= 0 && input.score <= 1)) throw new ConflictError("A score must be between 0 and 1.");
  const response = await findGradableResponse(db, actor, responseId);

  return db.$transaction(async (tx) => {
    const updated = await tx.quizResponse.update({
      where: { id: responseId },
      data: {
        overrideScore: input.score,
        instructorFeedback: input.feedback.trim() || null,
        reviewedAt: now,
      },
    });
    await recomputeAttemptScore(tx, response.attemptId);
    return updated;
  });
}

/**
 * An instructor's grade of an interview answer, point by point against the question's rubric: the
 * answer's score is the weighted share of the points (lib/grading/rubric-grade), stored as the
 * override next to the automatic score, and the attempt total is recomputed. Grading again replaces
 * the previous grade.
 */
export async function gradeResponseByRubric(
  db: Db,
  actor: Actor,
  responseId: string,
  rawInput: RubricGradeInput,
  now = new Date(),
) {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors can grade answers.");
  // Access before anything else: someone who may not grade this learner learns nothing about the answer.
  const response = await findGradableResponse(db, actor, responseId);
  const question = (await getQuestionsById([response.questionId])).get(response.questionId)?.question;
  if (!question) throw new NotFoundError("This answer's question is no longer in the question bank.");
  if (question.type !== "interview")
    throw new InvalidGradeError(
      "Only interview answers are graded by rubric; other questions are graded automatically.",
    );
  const parsed = RubricGradeInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new InvalidGradeError(parsed.error.issues[0]?.message ?? "Check the grade.");
  const checked = checkRubricGrades(question.rubric, parsed.data.points);
  if (!checked.ok) throw new InvalidGradeError(checked.error);

  const grade: RubricGrade = {
    // Stored in the rubric's order so every reader shows the points as the question lists them.
    points: question.rubric.map((point) => parsed.data.points.find((item) => item.pointId === point.id)!),
    comment: parsed.data.comment,
  };
  const score = rubricScore(question.rubric, grade.points);
  return db.$transaction(async (tx) => {
    const updated = await tx.quizResponse.update({
      where: { id: responseId },
      data: {
        overrideScore: score,
        rubricGrades: JSON.stringify(grade.points),
        instructorFeedback: grade.comment,
        reviewedAt: now,
        reviewedById: actor.id,
      },
    });
    await recomputeAttemptScore(tx, response.attemptId);
    return updated;
  });
}

/** The response, if this instructor teaches its learner and the attempt is submitted. */
async function findGradableResponse(db: Db, actor: Actor, responseId: string) {
  const response = await db.quizResponse.findUnique({
    where: { id: responseId },
    include: { attempt: { select: { userId: true, status: true } } },
  });
  if (!response) throw new NotFoundError("That answer does not exist.");
  const learnerId = response.attempt.userId;
  if (!learnerId || !(await teachesLearner(db, actor, learnerId))) {
    throw new ForbiddenError("You do not teach this learner.");
  }
  if (response.attempt.status !== "submitted")
    throw new ConflictError("Only submitted answers can be graded: this attempt is still open.");
  return response;
}

/** An instructor's score replaces the automatic one in the attempt's total. */
async function recomputeAttemptScore(tx: Tx, attemptId: string) {
  const responses = await tx.quizResponse.findMany({
    where: { attemptId },
    select: { score: true, overrideScore: true },
  });
  const total = responses.reduce((sum, item) => sum + (item.overrideScore ?? item.score ?? 0), 0);
  await tx.quizAttempt.update({ where: { id: attemptId }, data: { score: total } });
}
