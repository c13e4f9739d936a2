import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/db";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { loadCourseContent, type CourseContent } from "./course-content";
import { insertCohortPlan } from "./insert-plan";
import { planCohortActivity } from "./synthetic/plan";

/** The synthetic learners of the demo cohort: how many, and the seed that makes them the same on every machine. */
export const DEMO_COHORT_LEARNERS = { count: 30, seed: 234, idPrefix: "grace234" } as const;

/** Lets anyone sign in as a synthetic learner (e.g. amara.okafor@learners.shipshape.test) to see their side. */
export const SYNTHETIC_LEARNER_PASSWORD = "synthetic-learner-1";

/** Comments a grader keeps reusing, so the comment bank is not empty on first run. */
const DEMO_COMMENT_BANK = [
  "Good start. Cover the points marked 0 and this becomes a strong answer.",
  "Name the concrete setting (flag, field or command), not only the idea.",
  "Explain why it matters in production, not just what it does.",
  "Strong answer: you would pass this question in an interview.",
] as const;

export type DemoCohortInput = {
  cohortId: string;
  instructorId: string;
  now?: Date;
  /** Already loaded course content (tests pass it to skip reloading). */
  content?: CourseContent;
};

/**
 * Fills the demo cohort with ~30 synthetic learners and five weeks of varied
 * activity, so the instructor pages mean something on first run. Idempotent:
 * when the cohort already has its synthetic learners nothing is written.
 * The demo learner account is not touched.
 */
export async function seedDemoCohort(db: Db, input: DemoCohortInput): Promise<{ learnersCreated: number }> {
  const { count, seed, idPrefix } = DEMO_COHORT_LEARNERS;
  const existing = await db.user.count({ where: { id: { startsWith: `syn-${idPrefix}-` } } });
  if (existing > 0) return { learnersCreated: 0 };

  const content = input.content ?? (await loadCourseContent(await loadQuickJs()));
  const plan = planCohortActivity({
    seed,
    learnerCount: count,
    now: input.now ?? new Date(),
    idPrefix,
    ...content,
    reviewerId: input.instructorId,
  });
  // One hash for all: these are throwaway demo accounts, and scrypt per learner would cost seconds.
  const passwordHash = await hashPassword(SYNTHETIC_LEARNER_PASSWORD);
  await insertCohortPlan(db, plan, { cohortId: input.cohortId, passwordHash });

  const known = new Set(
    (await db.commentBankEntry.findMany({ where: { instructorId: input.instructorId } })).map(
      (entry) => entry.text,
    ),
  );
  await db.commentBankEntry.createMany({
    data: DEMO_COMMENT_BANK.filter((text) => !known.has(text)).map((text, index) => ({
      instructorId: input.instructorId,
      text,
      uses: 6 - index,
    })),
  });
  return { learnersCreated: plan.learners.length };
}
