// The roster's progress matrix, built from aggregate rows (one pass, no per-learner queries),
// plus the sorting, filtering and totals the roster page offers. Pure: no React, no Prisma.

export type Column = { slug: string; title: string };
export type LabColumn = Column & { lesson: string };

export type LessonStatus = "completed" | "in-progress" | "not-started";
export type LearnerStatus = "not-started" | "in-progress" | "finished";

export type RosterInput = {
  lessons: Column[];
  /** Lessons that have a question set, in course order (the quiz slug is the lesson slug). */
  quizzes: Column[];
  labs: LabColumn[];
  learners: Array<{ id: string; name: string; email: string; joinedAt: Date }>;
  lessonProgress: Array<{ userId: string; lessonSlug: string; completedAt: Date | null; lastSeenAt: Date }>;
  /** Per learner and lesson quiz: the best submitted score and the quiz's points (questions). */
  quizBest: Array<{
    userId: string;
    quizSlug: string;
    bestScore: number;
    maxScore: number;
    lastSubmittedAt: Date | null;
  }>;
  /** Per learner, lab and outcome: how many runs, and the latest. */
  labRuns: Array<{ userId: string; labSlug: string; passed: boolean; runs: number; lastRunAt: Date }>;
  /** Per learner: the latest change to any quiz attempt (open ones and reviews too). */
  attemptActivity: Array<{ userId: string; lastAt: Date }>;
  now: Date;
};

export type LabCell = { passed: boolean; runs: number };

export type RosterRow = {
  id: string;
  name: string;
  email: string;
  joinedAt: number;
  /** Aligned with RosterInput.lessons. */
  lessons: LessonStatus[];
  /** Best submitted score per quiz, 0–1; null when never submitted. Aligned with RosterInput.quizzes. */
  quizzes: Array<number | null>;
  /** Aligned with RosterInput.labs. */
  labs: LabCell[];
  lessonsCompleted: number;
  labsPassed: number;
  /** Mean best score over the quizzes this learner submitted (0–1), null if none. */
  quizAverage: number | null;
  /** Overall progress 0–1: see PROGRESS_WEIGHTS. */
  progress: number;
  /** Epoch ms of the latest activity, null if none. */
  lastActiveAt: number | null;
  status: LearnerStatus;
  inactive: boolean;
};

/**
 * Overall progress: half lessons completed, 30 % quizzes (best score of each lesson quiz, a quiz
 * not taken counts 0), 20 % labs passed. A part the course has none of is left out and the other
 * weights scale up. The roster page states this in words.
 */
export const PROGRESS_WEIGHTS = { lessons: 0.5, quizzes: 0.3, labs: 0.2 } as const;
export const INACTIVE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

export function overallProgress(
  parts: { lessons: number; quizzes: number; labs: number },
  present: { lessons: boolean; quizzes: boolean; labs: boolean },
): number {
  let weighted = 0;
  let total = 0;
  for (const key of ["lessons", "quizzes", "labs"] as const) {
    if (!present[key]) continue;
    weighted += PROGRESS_WEIGHTS[key] * parts[key];
    total += PROGRESS_WEIGHTS[key];
  }
  return total === 0 ? 0 : weighted / total;
}

function groupByUser<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
  const byUser = new Map<string, T[]>();
  for (const row of rows) {
    const list = byUser.get(row.userId);
    if (list) list.push(row);
    else byUser.set(row.userId, [row]);
  }
  return byUser;
}

function latest(...times: Array<number | null | undefined>): number | null {
  let best: number | null = null;
  for (const time of times) if (time != null && (best === null || time > best)) best = time;
  return best;
}

export function buildRoster(input: RosterInput): RosterRow[] {
  const progressBy = groupByUser(input.lessonProgress);
  const quizBy = groupByUser(input.quizBest);
  const labsBy = groupByUser(input.labRuns);
  const attemptsAt = new Map(input.attemptActivity.map((row) => [row.userId, row.lastAt.getTime()]));
  const present = {
    lessons: input.lessons.length > 0,
    quizzes: input.quizzes.length > 0,
    labs: input.labs.length > 0,
  };
  const inactiveBefore = input.now.getTime() - INACTIVE_AFTER_DAYS * DAY_MS;

  return input.learners.map((learner) => {
    const progress = new Map((progressBy.get(learner.id) ?? []).map((row) => [row.lessonSlug, row]));
    const quizzes = new Map((quizBy.get(learner.id) ?? []).map((row) => [row.quizSlug, row]));
    const labRuns = labsBy.get(learner.id) ?? [];

    const lessons = input.lessons.map((lesson): LessonStatus => {
      const row = progress.get(lesson.slug);
      if (!row) return "not-started";
      return row.completedAt ? "completed" : "in-progress";
    });
    const quizScores = input.quizzes.map((quiz) => {
      const row = quizzes.get(quiz.slug);
      if (!row || row.maxScore <= 0) return null;
      return Math.min(1, Math.max(0, row.bestScore / row.maxScore));
    });
    const labs = input.labs.map((lab): LabCell => {
      const runs = labRuns.filter((row) => row.labSlug === lab.slug);
      return {
        passed: runs.some((row) => row.passed && row.runs > 0),
        runs: runs.reduce((sum, row) => sum + row.runs, 0),
      };
    });

    const lessonsCompleted = lessons.filter((status) => status === "completed").length;
    const labsPassed = labs.filter((cell) => cell.passed).length;
    const taken = quizScores.filter((score): score is number => score !== null);
    const quizAverage = taken.length === 0 ? null : taken.reduce((a, b) => a + b, 0) / taken.length;

    const lastActiveAt = latest(
      ...[...progress.values()].map((row) => row.lastSeenAt.getTime()),
      ...[...progress.values()].map((row) => row.completedAt?.getTime()),
      ...[...quizzes.values()].map((row) => row.lastSubmittedAt?.getTime()),
      ...labRuns.map((row) => row.lastRunAt.getTime()),
      attemptsAt.get(learner.id),
    );
    const finished = present.lessons && lessonsCompleted === input.lessons.length;
    const status: LearnerStatus = finished
      ? "finished"
      : lastActiveAt === null
        ? "not-started"
        : "in-progress";

    return {
      id: learner.id,
      name: learner.name,
      email: learner.email,
      joinedAt: learner.joinedAt.getTime(),
      lessons,
      quizzes: quizScores,
      labs,
      lessonsCompleted,
      labsPassed,
      quizAverage,
      progress: overallProgress(
        {
          lessons: present.lessons ? lessonsCompleted / input.lessons.length : 0,
          quizzes: present.quizzes ? taken.reduce((a, b) => a + b, 0) / input.quizzes.length : 0,
          labs: present.labs ? labsPassed / input.labs.length : 0,
        },
        present,
      ),
      lastActiveAt,
      status,
      // Quiet for a week, counting from joining when they never did anything; finishing is not quiet.
      inactive: !finished && (lastActiveAt ?? learner.joinedAt.getTime()) <= inactiveBefore,
    };
  });
}

export type SortKey = "name" | "progress" | "quizAverage" | "lastActive";
export type SortDirection = "asc" | "desc";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function sortValue(row: RosterRow, key: Exclude<SortKey, "name">): number | null {
  if (key === "progress") return row.progress;
  if (key === "quizAverage") return row.quizAverage;
  return row.lastActiveAt;
}

/** A sorted copy. Learners without a value (no quiz, never active) stay last either way; ties go by name. */
export function sortRoster(rows: readonly RosterRow[], key: SortKey, direction: SortDirection): RosterRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const byName = (a: RosterRow, b: RosterRow) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  return [...rows].sort((a, b) => {
    if (key === "name") return sign * byName(a, b);
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
      return byName(a, b);
    }
    return sign * (left - right) || byName(a, b);
  });
}

export type StatusFilter = "all" | LearnerStatus | "inactive";
export const STATUS_FILTERS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: "all", label: "Everyone" },
  { value: "not-started", label: "Not started" },
  { value: "in-progress", label: "In progress" },
  { value: "finished", label: "Finished" },
  { value: "inactive", label: `Inactive ${INACTIVE_AFTER_DAYS}+ days` },
];

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Name or email contains every word of the query (case and accents ignored), and the status matches. */
export function filterRoster(
  rows: readonly RosterRow[],
  filter: { query: string; status: StatusFilter },
): RosterRow[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (
      filter.status === "inactive" ? !row.inactive : filter.status !== "all" && row.status !== filter.status
    )
      return false;
    if (words.length === 0) return true;
    const haystack = fold(`${row.name} ${row.email}`);
    return words.every((word) => haystack.includes(word));
  });
}

export type RosterTotals = {
  learners: number;
  /** Per lesson: how many completed it. */
  lessonsCompleted: number[];
  /** Per quiz: mean best score of those who submitted it, and how many did. */
  quizAverages: Array<number | null>;
  quizTakers: number[];
  /** Per lab: how many passed it. */
  labsPassed: number[];
  averageLabsPassed: number | null;
  averageQuizAverage: number | null;
  averageProgress: number | null;
};

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The totals/averages row, over the rows shown (so it follows the filters). */
export function rosterTotals(
  rows: readonly RosterRow[],
  columns: { lessons: number; quizzes: number; labs: number },
) {
  const totals: RosterTotals = {
    learners: rows.length,
    lessonsCompleted: Array.from({ length: columns.lessons }, (_, i) =>
      rows.reduce((count, row) => count + (row.lessons[i] === "completed" ? 1 : 0), 0),
    ),
    quizAverages: [],
    quizTakers: [],
    labsPassed: Array.from({ length: columns.labs }, (_, i) =>
      rows.reduce((count, row) => count + (row.labs[i]?.passed ? 1 : 0), 0),
    ),
    averageLabsPassed: mean(rows.map((row) => row.labsPassed)),
    averageQuizAverage: mean(rows.flatMap((row) => (row.quizAverage === null ? [] : [row.quizAverage]))),
    averageProgress: mean(rows.map((row) => row.progress)),
  };
  for (let i = 0; i < columns.quizzes; i += 1) {
    const scores = rows.flatMap((row) => {
      const score = row.quizzes[i];
      return score === null || score === undefined ? [] : [score];
    });
    totals.quizAverages.push(mean(scores));
    totals.quizTakers.push(scores.length);
  }
  return totals;
}
