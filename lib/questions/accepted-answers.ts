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

/** The accepted answers of these questions (one query; fill-in questions only have any). */
export async function loadAcceptedAnswers(
  db: Db,
  questionIds: readonly string[],
): Promise<AcceptedAnswerRow[]> {
  if (questionIds.length === 0) return [];
  return db.acceptedAnswer.findMany({
    where: { questionId: { in: [...questionIds] } },
    select: { questionId: true, blankIndex: true, answer: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Bank questions with their accepted answers merged in: what every grading call uses, so new
 * submissions and practice checks count answers accepted for everyone.
 */
export async function withAcceptedAnswersFromDb<T extends { question: Question }>(
  db: Db,
  found: Map<string, T>,
): Promise<Map<string, T>> {
  const fillIns = [...found.values()].filter((entry) => entry.question.type === "fill-in");
  const rows = await loadAcceptedAnswers(
    db,
    fillIns.map((entry) => entry.question.id),
  );
  if (rows.length === 0) return found;
  return new Map(
    [...found].map(([id, entry]) => [id, { ...entry, question: withAcceptedAnswers(entry.question, rows) }]),
  );
}
