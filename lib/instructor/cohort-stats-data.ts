import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { findTaughtCohort } from "./cohort-access";
import {
  averageQuizScores,
  completionOverTime,
  completionTakeaway,
  lessonProgressBars,
  lessonTakeaway,
  scoreDistribution,
  scoreTakeaway,
  type ActivityEvent,
  type DayPoint,
  type LessonBar,
  type ScoreBin,
} from "./cohort-stats";

/** Plain, serialisable data for the three cohort charts (client components get it as props). */
export type CohortStats = {
  learnerCount: number;
  scores: { bins: ScoreBin[]; learnersWithScores: number; takeaway: string };
  timeline: { points: DayPoint[]; hasActivity: boolean; takeaway: string };
  lessons: { bars: LessonBar[]; takeaway: string };
};

/**
 * One read of the cohort's learner activity for the charts page. Only the columns the statistics need
 * are selected; lab runs and attempts contribute timestamps only.
 */
export async function loadCohortStats(
  db: Db,
  actor: Actor,
  cohortId: string,
  lessons: ReadonlyArray<{ slug: string; title: string }>,
  now = new Date(),
): Promise<CohortStats> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const inCohort = { memberships: { some: { cohortId: cohort.id, role: "learner" } } };
  const [memberships, progress, attempts, labRuns] = await Promise.all([
    db.cohortMembership.findMany({
      where: { cohortId: cohort.id, role: "learner" },
      select: { userId: true, joinedAt: true },
    }),
    db.lessonProgress.findMany({
      where: { user: inCohort },
      select: { userId: true, lessonSlug: true, completedAt: true, lastSeenAt: true },
    }),
    db.quizAttempt.findMany({
      where: { user: inCohort },
      select: {
        userId: true,
        quizSlug: true,
        kind: true,
        mode: true,
        status: true,
        score: true,
        maxScore: true,
        startedAt: true,
        submittedAt: true,
      },
    }),
    db.labRun.findMany({ where: { user: inCohort }, select: { userId: true, createdAt: true } }),
  ]);

  const learnerIds = memberships.map((membership) => membership.userId);
  const scored = attempts.flatMap((attempt) =>
    attempt.userId && attempt.kind === "lesson" && attempt.status === "submitted" && attempt.mode === "check"
      ? [{ ...attempt, userId: attempt.userId }]
      : [],
  );
  const averages = [...averageQuizScores(scored).values()];

  const activity: ActivityEvent[] = [
    ...memberships.map(({ userId, joinedAt }) => ({ userId, at: joinedAt })),
    ...progress.flatMap(({ userId, lastSeenAt, completedAt }) =>
      completedAt
        ? [
            { userId, at: lastSeenAt },
            { userId, at: completedAt },
          ]
        : [{ userId, at: lastSeenAt }],
    ),
    ...attempts.flatMap(({ userId, startedAt, submittedAt }) =>
      !userId
        ? []
        : submittedAt
          ? [
              { userId, at: startedAt },
              { userId, at: submittedAt },
            ]
          : [{ userId, at: startedAt }],
    ),
    ...labRuns.map(({ userId, createdAt }) => ({ userId, at: createdAt })),
  ];
  const lessonSlugs = new Set(lessons.map((lesson) => lesson.slug));
  const completions = progress.flatMap(({ lessonSlug, completedAt }) =>
    completedAt && lessonSlugs.has(lessonSlug) ? [completedAt] : [],
  );
  // The chart starts when the cohort (or, for imported learners, their first activity) did.
  const from = activity.reduce(
    (earliest, event) => (event.at < earliest ? event.at : earliest),
    cohort.createdAt,
  );
  const points = completionOverTime({ completions, activity, from, to: now });

  const bars = lessonProgressBars(lessons, progress, learnerIds);
  return {
    learnerCount: learnerIds.length,
    scores: {
      bins: scoreDistribution(averages),
      learnersWithScores: averages.length,
      takeaway: scoreTakeaway(averages, learnerIds.length),
    },
    timeline: {
      points,
      hasActivity: points.some((point) => point.active > 0 || point.completions > 0),
      takeaway: completionTakeaway(points),
    },
    lessons: { bars, takeaway: lessonTakeaway(bars, learnerIds.length) },
  };
}
