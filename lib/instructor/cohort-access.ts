import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";

export type TaughtCohort = { id: string; name: string; joinCode: string; createdAt: Date };

/**
 * The cohort, if this actor teaches it. Every instructor read and write of cohort data goes through
 * here (pages via requireTaughtCohort, route handlers and server actions directly).
 * Learners: ForbiddenError. Instructors of other cohorts: ForbiddenError. Unknown id: NotFoundError.
 */
export async function findTaughtCohort(db: Db, actor: Actor, cohortId: string): Promise<TaughtCohort> {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors can open cohort pages.");
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      joinCode: true,
      createdAt: true,
      memberships: { where: { userId: actor.id, role: "instructor" }, select: { id: true } },
    },
  });
  if (!cohort) throw new NotFoundError("There is no such cohort.");
  if (cohort.memberships.length === 0) throw new ForbiddenError("You do not teach this cohort.");
  return { id: cohort.id, name: cohort.name, joinCode: cohort.joinCode, createdAt: cohort.createdAt };
}

/** The learner's membership of this cohort, with who they are; NotFoundError unless they are in it as a learner. */
export async function findCohortLearner(db: Db, cohortId: string, learnerId: string) {
  const membership = await db.cohortMembership.findUnique({
    where: { cohortId_userId: { cohortId, userId: learnerId } },
    select: { role: true, joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (membership?.role !== "learner") throw new NotFoundError("That learner is not in this cohort.");
  return { joinedAt: membership.joinedAt, user: membership.user };
}
