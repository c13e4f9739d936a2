import type { Db } from "@/lib/db";
import type { Question } from "./schema";

/** An instructor-accepted typed answer (AcceptedAnswer row) as grading needs it. */
export type AcceptedAnswerRow = { questionId: string; blankIndex: number; answer: string };

/**
 * The question with accepted answers added to the accept list of their blank, so gradeAnswer counts
 * them like the bank's own. Rows for other questions, other question types or blanks that no longer
 * exist are ignored; the question passed in is not modified.
 */
export function withAcceptedAnswers(question: Question, rows: readonly AcceptedAnswerRow[]): Question {
  if (question.type !== "fill-in") return question;
  const own = rows.filter((row) => row.questionId === question.id);
  if (own.length === 0) return question;
  return {
    ...question,
    blanks: question.blanks.map((blank, index) => ({
      ...blank,
      accept: [...blank.accept, ...own.filter((row) => row.blankIndex === index).map((row) => row.answer)],
    })),
  };
}

/**
 * Which accepted answers apply: course-wide ones (cohortId null) always, cohort ones only for
 * learners of that cohort. `cohortIds` null = course-wide only (anonymous learners).
 */
export function scopeWhere(cohortIds: readonly string[] | null) {
  return cohortIds && cohortIds.length > 0
    ? { OR: [{ cohortId: null }, { cohortId: { in: [...cohortIds] } }] }
    : { cohortId: null };
}

/** The accepted answers of these questions that apply to a learner in `cohortIds` (one query). */
export async function loadAcceptedAnswers(
  db: Db,
  questionIds: readonly string[],
  cohortIds: readonly string[] | null = null,
): Promise<AcceptedAnswerRow[]> {
  if (questionIds.length === 0) return [];
  return db.acceptedAnswer.findMany({
    where: { questionId: { in: [...questionIds] }, ...scopeWhere(cohortIds) },
    select: { questionId: true, blankIndex: true, answer: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The cohorts a signed-in user learns in (accepted answers of those cohorts grade their answers). */
export async function learnerCohortIds(db: Db, userId: string | null): Promise<string[]> {
  if (!userId) return [];
  const rows = await db.cohortMembership.findMany({
    where: { userId, role: "learner" },
    select: { cohortId: true },
  });
  return rows.map((row) => row.cohortId);
}

/**
 * Bank questions with the accepted answers that apply to this learner merged in: what every
 * grading call uses, so new submissions and practice checks count them.
 */
export async function withAcceptedAnswersFromDb<T extends { question: Question }>(
  db: Db,
  found: Map<string, T>,
  userId: string | null = null,
): Promise<Map<string, T>> {
  const fillIns = [...found.values()].filter((entry) => entry.question.type === "fill-in");
  if (fillIns.length === 0) return found;
  const rows = await loadAcceptedAnswers(
    db,
    fillIns.map((entry) => entry.question.id),
    await learnerCohortIds(db, userId),
  );
  if (rows.length === 0) return found;
  return new Map(
    [...found].map(([id, entry]) => [id, { ...entry, question: withAcceptedAnswers(entry.question, rows) }]),
  );
}
