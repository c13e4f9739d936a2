import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { findTaughtCohort, type TaughtCohort } from "./cohort-access";
import { buildRoster, type Column, type LabColumn, type RosterRow } from "./roster-matrix";

export type RosterCourse = { lessons: Column[]; quizzes: Column[]; labs: LabColumn[] };
export type RosterData = { cohort: TaughtCohort; rows: RosterRow[] };

/**
 * The cohort's roster in five aggregate queries whatever its size (run in parallel after the access
 * check): memberships, lesson progress, best quiz scores, lab run counts and last attempt activity.
 * Each filters by "member of this cohort as a learner" in SQL rather than an id list, so a large
 * cohort does not hit parameter limits. The course (lessons, quizzes, labs) comes from content.
 */
export async function loadRoster(
  db: Db,
  actor: Actor,
  cohortId: string,
  course: RosterCourse,
  now = new Date(),
): Promise<RosterData> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const inCohort = { user: { memberships: { some: { cohortId, role: "learner" } } } };

  const [memberships, lessonProgress, quizBest, labRuns, attemptActivity] = await Promise.all([
    db.cohortMembership.findMany({
      where: { cohortId, role: "learner" },
      select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.lessonProgress.findMany({
      where: inCohort,
      select: { userId: true, lessonSlug: true, completedAt: true, lastSeenAt: true },
    }),
    db.quizAttempt.groupBy({
      by: ["userId", "quizSlug"],
      // Check mode only: practice shows hints and keys, so its scores are not grades.
      where: { ...inCohort, kind: "lesson", status: "submitted", mode: "check" },
      // A lesson quiz always has the same questions, so the best score and the points share a row.
      _max: { score: true, maxScore: true, submittedAt: true },
    }),
    db.labRun.groupBy({
      by: ["userId", "labSlug", "passed"],
      where: inCohort,
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    db.quizAttempt.groupBy({ by: ["userId"], where: inCohort, _max: { updatedAt: true } }),
  ]);

  const rows = buildRoster({
    ...course,
    learners: memberships.map(({ user, joinedAt }) => ({ ...user, joinedAt })),
    lessonProgress,
    quizBest: quizBest.flatMap((row) =>
      row.userId === null
        ? []
        : [
            {
              userId: row.userId,
              quizSlug: row.quizSlug,
              bestScore: row._max.score ?? 0,
              maxScore: row._max.maxScore ?? 0,
              lastSubmittedAt: row._max.submittedAt,
            },
          ],
    ),
    labRuns: labRuns.map((row) => ({
      userId: row.userId,
      labSlug: row.labSlug,
      passed: row.passed,
      runs: row._count._all,
      lastRunAt: row._max.createdAt ?? new Date(0),
    })),
    attemptActivity: attemptActivity.flatMap((row) =>
      row.userId === null || row._max.updatedAt === null
        ? []
        : [{ userId: row.userId, lastAt: row._max.updatedAt }],
    ),
    now,
  });
  return { cohort, rows };
}
