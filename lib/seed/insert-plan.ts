import type { Db } from "@/lib/db";
import type { CohortPlan } from "./synthetic/types";

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits for our widest table. */
const CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

export type InsertPlanOptions = {
  cohortId: string;
  /** A password hash (better-auth's format) shared by every synthetic learner; none leaves them without a way to sign in. */
  passwordHash?: string;
  /** Interactive-transaction time limit; a thousand learners need more than the 5 s default. */
  timeoutMs?: number;
};

/**
 * Writes a synthetic cohort's plan in one transaction with bulk inserts: the
 * learners (as better-auth stores them), their cohort memberships and all their
 * activity. All or nothing, so an interrupted seed leaves no half a cohort.
 */
export async function insertCohortPlan(db: Db, plan: CohortPlan, options: InsertPlanOptions): Promise<void> {
  const { cohortId, passwordHash } = options;
  await db.$transaction(
    async (tx) => {
      await insertChunked(plan.learners, (chunk) =>
        tx.user.createMany({
          data: chunk.map(({ id, name, email, createdAt }) => ({
            id,
            name,
            email,
            emailVerified: true,
            role: "learner",
            createdAt,
            updatedAt: createdAt,
          })),
        }),
      );
      if (passwordHash) {
        await insertChunked(plan.learners, (chunk) =>
          tx.account.createMany({
            data: chunk.map(({ id, createdAt }) => ({
              id: `${id}-credential`,
              accountId: id,
              providerId: "credential",
              userId: id,
              password: passwordHash,
              createdAt,
              updatedAt: createdAt,
            })),
          }),
        );
      }
      await insertChunked(plan.learners, (chunk) =>
        tx.cohortMembership.createMany({
          data: chunk.map(({ id, joinedAt }) => ({ cohortId, userId: id, role: "learner", joinedAt })),
        }),
      );
      await insertChunked(plan.lessonProgress, (data) => tx.lessonProgress.createMany({ data }));
      await insertChunked(plan.attempts, (data) => tx.quizAttempt.createMany({ data }));
      await insertChunked(plan.responses, (data) => tx.quizResponse.createMany({ data }));
      await insertChunked(plan.reviewCards, (data) => tx.reviewCard.createMany({ data }));
      await insertChunked(plan.labRuns, (data) => tx.labRun.createMany({ data }));
    },
    { timeout: options.timeoutMs ?? 30_000, maxWait: 10_000 },
  );
}
