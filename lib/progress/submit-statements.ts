import { randomUUID } from "node:crypto";
import { placeholders, sqlTimestamp, type DirectSql } from "@/lib/db-direct";
import { nextCardState, type CardState } from "@/lib/review/schedule";

// A submit as one short transaction on the driver: through Prisma it was ~24 queries and ~45 ms of
// CPU holding SQLite's only connection, while every autosave waited behind it.

const CLAIM = `UPDATE "QuizAttempt" SET "status" = 'submitted', "updatedAt" = ? WHERE "id" = ? AND "status" = 'open'`;

const ANSWERS = `SELECT "questionId", "answer" FROM "QuizResponse" WHERE "attemptId" = ?`;

const GRADE = `INSERT INTO "QuizResponse" ("id", "attemptId", "questionId", "answer", "score", "maxScore", "feedback", "updatedAt")
VALUES (?, ?, ?, ?, ?, 1, ?, ?)
ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "score" = excluded."score", "maxScore" = excluded."maxScore",
  "feedback" = excluded."feedback", "updatedAt" = excluded."updatedAt"`;

const CARD_COLUMNS = [
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "state",
  "lastReview",
] as const satisfies ReadonlyArray<keyof CardState>;

const CARD = `INSERT INTO "ReviewCard" ("id", "userId", "questionId", ${CARD_COLUMNS.map((c) => `"${c}"`).join(", ")}, "createdAt", "updatedAt")
VALUES (?, ?, ?, ${CARD_COLUMNS.map(() => "?").join(", ")}, ?, ?)
ON CONFLICT ("userId", "questionId") DO UPDATE SET ${CARD_COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(", ")},
  "updatedAt" = excluded."updatedAt"`;

const TOTAL = `UPDATE "QuizAttempt" SET "score" = ?, "maxScore" = ?, "submittedAt" = ?, "updatedAt" = ? WHERE "id" = ?`;

export type GradedResponse = { questionId: string; answerJson: string; score: number; feedbackJson: string };

export type Submission = {
  attemptId: string;
  userId: string | null;
  grade: (answers: Map<string, string>) => GradedResponse[];
  /** The learner's review cards for the attempt's questions, read before (cards move only on submit). */
  cards: Map<string, CardState>;
  now: Date;
};

/**
 * Claims the open attempt, then (no save can land any more) reads its answers, grades them once and
 * stores the grades, the moved review cards and the total: all or nothing.
 * False when another submit claimed it first (nothing graded, nothing written).
 */
export async function writeSubmission(direct: DirectSql, submission: Submission): Promise<boolean> {
  const { dialect } = direct;
  const at = sqlTimestamp(dialect, submission.now);
  const sql = (text: string) => placeholders(dialect, text);
  return direct.transaction(async (tx) => {
    if ((await tx.run(sql(CLAIM), [at, submission.attemptId])) !== 1) return false;
    const rows = await tx.all<{ questionId: string; answer: string }>(sql(ANSWERS), [submission.attemptId]);
    const graded = submission.grade(new Map(rows.map((row) => [row.questionId, row.answer])));
    for (const result of graded) {
      await tx.run(sql(GRADE), [
        randomUUID(),
        submission.attemptId,
        result.questionId,
        result.answerJson,
        result.score,
        result.feedbackJson,
        at,
      ]);
      const next = submission.userId
        ? nextCardState(submission.cards.get(result.questionId) ?? null, result.score, submission.now)
        : null;
      if (next) {
        const values = CARD_COLUMNS.map((column) => {
          const value = next[column];
          return value instanceof Date ? sqlTimestamp(dialect, value) : value;
        });
        await tx.run(sql(CARD), [randomUUID(), submission.userId, result.questionId, ...values, at, at]);
      }
    }
    const score = graded.reduce((sum, result) => sum + result.score, 0);
    await tx.run(sql(TOTAL), [score, graded.length, at, at, submission.attemptId]);
    return true;
  });
}
