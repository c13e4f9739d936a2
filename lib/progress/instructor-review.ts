import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import { ConflictError } from "./attempts";

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
  const response = await db.quizResponse.findUnique({
    where: { id: responseId },
    include: { attempt: true },
  });
  if (!response) throw new NotFoundError("That answer does not exist.");
  const learnerId = response.attempt.userId;
  if (!learnerId || !(await teachesLearner(db, actor, learnerId))) {
    throw new ForbiddenError("You do not teach this learner.");
  }
  if (response.attempt.status !== "submitted")
    throw new ConflictError("Only submitted answers can be graded.");

  return db.$transaction(async (tx) => {
    const updated = await tx.quizResponse.update({
      where: { id: responseId },
      data: {
        overrideScore: input.score,
        instructorFeedback: input.feedback.trim() || null,
        reviewedAt: now,
      },
    });
    const responses = await tx.quizResponse.findMany({ where: { attemptId: response.attemptId } });
    const total = responses.reduce((sum, item) => sum + (item.overrideScore ?? item.score ?? 0), 0);
    await tx.quizAttempt.update({ where: { id: response.attemptId }, data: { score: total } });
    return updated;
  });
}
