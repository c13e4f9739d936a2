import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import type { CsvCell } from "@/lib/export/csv";
import { findTaughtCohort, type TaughtCohort } from "./cohort-access";
import {
  gradeRow,
  gradesHeader,
  responseRow,
  RESPONSES_HEADER,
  type ExportCatalog,
  type LearnerGradeFacts,
} from "./exports-rows";

/**
 * The data behind the two CSV exports. Each export checks that the actor teaches the cohort, counts
 * its rows (so the browser can show progress), then hands out the rows in batches read from the
 * database one at a time, by cursor, only as the download consumes them: a cohort of a thousand
 * learners never sits in memory at once. The count is taken first, so rows written during a long
 * download may make the file differ from it by a few.
 */
export type CsvExport = {
  cohort: TaughtCohort;
  header: string[];
  totalRows: number;
  batches: AsyncIterable<CsvCell[][]>;
};

export type BatchOptions = { batchSize?: number };

/** Learners per batch of the grades export (each needs four small queries per batch, not per learner). */
export const LEARNERS_PER_BATCH = 200;
/** Learners per batch of the responses export: about 500 responses for learners who took every quiz once. */
export const RESPONSE_LEARNERS_PER_BATCH = 5;

const learnerOf = (cohortId: string) => ({ cohortId, role: "learner" });
// The responses export is of graded work: check-mode attempts only (practice shows hints and keys).
const submittedInCohort = (cohortId: string) => ({
  status: "submitted",
  mode: "check",
  user: { memberships: { some: learnerOf(cohortId) } },
});

/** How many rows each file would have now, for the exports page. */
export async function exportRowCounts(
  db: Db,
  actor: Actor,
  cohortId: string,
): Promise<{ grades: number; responses: number }> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const [grades, responses] = await Promise.all([
    db.cohortMembership.count({ where: learnerOf(cohort.id) }),
    db.quizResponse.count({ where: { attempt: submittedInCohort(cohort.id) } }),
  ]);
  return { grades, responses };
}

// ---------- grades ----------

export async function gradesExport(
  db: Db,
  actor: Actor,
  cohortId: string,
  catalog: ExportCatalog,
  { batchSize = LEARNERS_PER_BATCH }: BatchOptions = {},
): Promise<CsvExport> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const totalRows = await db.cohortMembership.count({ where: learnerOf(cohort.id) });
  return {
    cohort,
    header: gradesHeader(catalog),
    totalRows,
    batches: gradeBatches(db, cohort.id, catalog, batchSize),
  };
}

async function* gradeBatches(
  db: Db,
  cohortId: string,
  catalog: ExportCatalog,
  batchSize: number,
): AsyncGenerator<CsvCell[][]> {
  const interviewIds = [...catalog.questions.values()]
    .filter((question) => question.type === "interview")
    .map((question) => question.id);
  let cursor: string | undefined;
  for (;;) {
    const memberships = await db.cohortMembership.findMany({
      where: learnerOf(cohortId),
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      select: { id: true, joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (memberships.length === 0) return;
    const facts = await gradeFactsFor(
      db,
      memberships.map((membership) => membership.user.id),
      interviewIds,
    );
    yield memberships.map((membership) =>
      gradeRow(
        {
          name: membership.user.name,
          email: membership.user.email,
          joinedAt: membership.joinedAt,
          ...(facts.get(membership.user.id) ?? emptyFacts()),
        },
        catalog,
      ),
    );
    if (memberships.length < batchSize) return;
    cursor = memberships.at(-1)?.id;
  }
}

type Item<K extends keyof LearnerGradeFacts> =
  LearnerGradeFacts[K] extends ReadonlyArray<infer T> ? T : never;
type ActivityFacts = {
  lessonProgress: Item<"lessonProgress">[];
  attempts: Item<"attempts">[];
  labRuns: Item<"labRuns">[];
  interviewAnswers: Item<"interviewAnswers">[];
  practice?: { checks: number; answersShown: number };
};

const emptyFacts = (): ActivityFacts => ({
  lessonProgress: [],
  attempts: [],
  labRuns: [],
  interviewAnswers: [],
});

/** Everything one batch of learners' grade rows need, in four queries. */
async function gradeFactsFor(
  db: Db,
  userIds: string[],
  interviewIds: string[],
): Promise<Map<string, ActivityFacts>> {
  const [progress, attempts, labRuns, interviews] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, lessonSlug: true, completedAt: true, lastSeenAt: true },
    }),
    db.quizAttempt.findMany({
      where: { userId: { in: userIds } },
      select: {
        id: true,
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
    // The latest run of each lab and outcome is all a grade row needs, however many runs there were.
    db.labRun.groupBy({
      by: ["userId", "labSlug", "passed"],
      where: { userId: { in: userIds } },
      _max: { createdAt: true },
    }),
    db.quizResponse.findMany({
      where: {
        questionId: { in: interviewIds },
        attempt: { userId: { in: userIds }, status: "submitted" },
      },
      select: { reviewedAt: true, attempt: { select: { userId: true } } },
    }),
  ]);
  const byUser = new Map<string, ActivityFacts>();
  const factsOf = (userId: string | null) => {
    const key = userId ?? "";
    let facts = byUser.get(key);
    if (!facts) {
      facts = emptyFacts();
      byUser.set(key, facts);
    }
    return facts;
  };
  for (const entry of progress) factsOf(entry.userId).lessonProgress.push(entry);
  for (const attempt of attempts) factsOf(attempt.userId).attempts.push(attempt);
  // Practice effort per learner: checks used and answers shown, summed over their practice attempts.
  const practiceAttempts = new Map(
    attempts.filter((attempt) => attempt.mode === "practice").map((attempt) => [attempt.id, attempt.userId]),
  );
  const practice = practiceAttempts.size
    ? await db.quizResponse.groupBy({
        by: ["attemptId"],
        where: { attemptId: { in: [...practiceAttempts.keys()] } },
        _sum: { checks: true },
        _count: { revealedAt: true },
      })
    : [];
  for (const row of practice) {
    const facts = factsOf(practiceAttempts.get(row.attemptId) ?? null);
    const sums = facts.practice ?? { checks: 0, answersShown: 0 };
    facts.practice = {
      checks: sums.checks + (row._sum.checks ?? 0),
      answersShown: sums.answersShown + row._count.revealedAt,
    };
  }
  for (const run of labRuns) {
    const createdAt = run._max.createdAt;
    if (createdAt) factsOf(run.userId).labRuns.push({ labSlug: run.labSlug, passed: run.passed, createdAt });
  }
  for (const answer of interviews)
    factsOf(answer.attempt.userId).interviewAnswers.push({ reviewedAt: answer.reviewedAt });
  return byUser;
}

// ---------- responses ----------

export async function responsesExport(
  db: Db,
  actor: Actor,
  cohortId: string,
  catalog: ExportCatalog,
  { batchSize = RESPONSE_LEARNERS_PER_BATCH }: BatchOptions = {},
): Promise<CsvExport> {
  const cohort = await findTaughtCohort(db, actor, cohortId);
  const totalRows = await db.quizResponse.count({ where: { attempt: submittedInCohort(cohort.id) } });
  return {
    cohort,
    header: [...RESPONSES_HEADER],
    totalRows,
    batches: responseBatches(db, cohort.id, catalog, batchSize),
  };
}

/**
 * Batches by learner: the cohort's learner list (ids, names, emails: small) is read once, then each
 * batch reads the submitted attempts and responses of the next few learners, by primary key. A
 * batch is as large as those learners' work (a few hundred rows each at most), never the cohort's.
 * Within a learner, attempts come by quiz and start time, so the attempt number is a running count.
 */
async function* responseBatches(
  db: Db,
  cohortId: string,
  catalog: ExportCatalog,
  learnersPerBatch: number,
): AsyncGenerator<CsvCell[][]> {
  const learners = await db.cohortMembership.findMany({
    where: learnerOf(cohortId),
    orderBy: { userId: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  for (let start = 0; start < learners.length; start += learnersPerBatch) {
    const batch = learners.slice(start, start + learnersPerBatch).map((membership) => membership.user);
    const attempts = await db.quizAttempt.findMany({
      where: { status: "submitted", mode: "check", userId: { in: batch.map((learner) => learner.id) } },
      orderBy: [{ userId: "asc" }, { quizSlug: "asc" }, { startedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        userId: true,
        quizSlug: true,
        kind: true,
        questionIds: true,
        submittedAt: true,
        responses: {
          select: {
            questionId: true,
            answer: true,
            score: true,
            overrideScore: true,
            instructorFeedback: true,
          },
        },
      },
    });
    const byId = new Map(batch.map((learner) => [learner.id, learner]));
    const rows: CsvCell[][] = [];
    let previous = { userId: "", quizSlug: "", number: 0 };
    for (const attempt of attempts) {
      const userId = attempt.userId ?? "";
      const learner = byId.get(userId);
      const sameSeries = previous.userId === userId && previous.quizSlug === attempt.quizSlug;
      previous = { userId, quizSlug: attempt.quizSlug, number: sameSeries ? previous.number + 1 : 1 };
      for (const response of inQuestionOrder(attempt.responses, attempt.questionIds)) {
        rows.push(
          responseRow(
            {
              learnerName: learner?.name ?? "",
              email: learner?.email ?? "",
              quizSlug: attempt.quizSlug,
              attemptKind: attempt.kind,
              attemptId: attempt.id,
              attemptNumber: previous.number,
              submittedAt: attempt.submittedAt,
              questionId: response.questionId,
              answerJson: response.answer,
              score: response.score,
              overrideScore: response.overrideScore,
              instructorFeedback: response.instructorFeedback,
            },
            catalog,
          ),
        );
      }
    }
    if (rows.length > 0) yield rows;
  }
}

/** Responses in the order the learner saw the questions (the attempt's questionIds). */
function inQuestionOrder<T extends { questionId: string }>(responses: T[], questionIdsJson: string): T[] {
  let order: unknown;
  try {
    order = JSON.parse(questionIdsJson);
  } catch {
    order = [];
  }
  const ids = Array.isArray(order) ? order.map(String) : [];
  const position = (id: string) => {
    const index = ids.indexOf(id);
    return index === -1 ? ids.length : index;
  };
  return [...responses].sort(
    (a, b) => position(a.questionId) - position(b.questionId) || a.questionId.localeCompare(b.questionId),
  );
}
