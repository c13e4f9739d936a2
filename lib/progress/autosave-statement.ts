import { randomUUID } from "node:crypto";
import { sqlTimestamp, type DirectSql } from "@/lib/db-direct";
import type { Learner } from "./attempts";

// The insert happens only when the attempt row passes every check, in the same statement, so a
// save racing a submit either lands before the submit reads the answers or is refused: there is
// no window between a check and the write. On PostgreSQL the attempt row is share-locked for that:
// a submit's claim (an UPDATE of the row) waits for the save to commit, or the save for the claim,
// and then sees the attempt submitted. SQLite runs one writer at a time anyway.
// Question ids are [A-Za-z0-9_-] (zod at the action), so the quoted id occurs in the attempt's
// JSON id list exactly when it is one of its elements.
const SQL = (owner: string, contains: string, lock: string) => `
INSERT INTO "QuizResponse" ("id", "attemptId", "questionId", "answer", "updatedAt")
SELECT :id, a."id", :questionId, :answer, :now
FROM "QuizAttempt" a
WHERE a."id" = :attemptId AND a."status" = 'open' AND ${owner} AND ${contains}${lock}
ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "answer" = excluded."answer", "updatedAt" = excluded."updatedAt"`;

const OWNER = {
  user: `a."userId" = :owner`,
  anon: `a."userId" IS NULL AND a."anonId" = :owner`,
};
const LOCK = { sqlite: "", postgres: "\nFOR SHARE OF a" };
const CONTAINS = {
  sqlite: `instr(a."questionIds", :quotedQuestionId) > 0`,
  postgres: `strpos(a."questionIds", :quotedQuestionId) > 0`,
};

type Named = {
  id: string;
  questionId: string;
  answer: string;
  now: string;
  attemptId: string;
  owner: string;
  quotedQuestionId: string;
};

/**
 * `:name` placeholders as each driver wants them (`?` in order, or typed `$n`) and the names in
 * order; built once per statement variant.
 */
function positional(dialect: DirectSql["dialect"], sql: string) {
  const names: Array<keyof Named> = [];
  const text = sql.replace(/:(\w+)/g, (_, name: keyof Named) => {
    names.push(name);
    if (dialect === "sqlite") return "?";
    return `$${names.length}::${name === "now" ? "timestamp(3)" : "text"}`;
  });
  return { text, names };
}

const statements = new Map<string, ReturnType<typeof positional>>();
function statementFor(dialect: DirectSql["dialect"], kind: Learner["kind"]) {
  const key = `${dialect} ${kind}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = positional(dialect, SQL(OWNER[kind], CONTAINS[dialect], LOCK[dialect]));
    statements.set(key, statement);
  }
  return statement;
}

/**
 * Autosave as one statement: insert or replace the answer if the attempt exists, belongs to this
 * learner, is open and holds the question. False when any of those fails (nothing was written);
 * the caller then finds out which, off the hot path.
 */
export async function upsertOwnAnswer(
  direct: DirectSql,
  learner: Learner,
  input: { attemptId: string; questionId: string; answerJson: string; now: Date },
): Promise<boolean> {
  const { text, names } = statementFor(direct.dialect, learner.kind);
  const values: Named = {
    id: randomUUID(),
    questionId: input.questionId,
    answer: input.answerJson,
    now: sqlTimestamp(direct.dialect, input.now),
    attemptId: input.attemptId,
    owner: learner.kind === "user" ? learner.id : learner.anonId,
    quotedQuestionId: JSON.stringify(input.questionId),
  };
  return (
    await direct.run(
      text,
      names.map((name) => values[name]),
    )
  ) === 1;
}
