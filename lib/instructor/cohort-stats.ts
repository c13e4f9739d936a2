/**
 * The numbers behind the cohort charts, as pure functions of plain rows (queries: cohort-stats-data.ts).
 * Days are UTC calendar days, so the server and every browser agree on where a day starts.
 */

const countFormat = new Intl.NumberFormat("en-GB");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;

const learners = (count: number) => `${countFormat.format(count)} ${count === 1 ? "learner" : "learners"}`;

// ---------- score distribution ----------

export type ScoredAttempt = {
  userId: string;
  quizSlug: string;
  score: number | null;
  maxScore: number | null;
};

/**
 * Each learner's average quiz score in percent: the mean of their best submitted score on each quiz
 * they took (retakes do not drag the average down; quizzes not taken do not count as zero).
 * Learners without a scored attempt are absent.
 */
export function averageQuizScores(attempts: readonly ScoredAttempt[]): Map<string, number> {
  const best = new Map<string, Map<string, number>>();
  for (const { userId, quizSlug, score, maxScore } of attempts) {
    if (score === null || !maxScore) continue;
    const perQuiz = best.get(userId) ?? new Map<string, number>();
    perQuiz.set(quizSlug, Math.max(perQuiz.get(quizSlug) ?? 0, (score / maxScore) * 100));
    best.set(userId, perQuiz);
  }
  const averages = new Map<string, number>();
  for (const [userId, perQuiz] of best) {
    const scores = [...perQuiz.values()];
    averages.set(userId, scores.reduce((sum, value) => sum + value, 0) / scores.length);
  }
  return averages;
}

export type ScoreBin = { label: string; from: number; learners: number };

/** Ten 10-point bins, 0–9 … 90–100 (a perfect 100 belongs to the last one). */
export function scoreDistribution(averages: Iterable<number>): ScoreBin[] {
  const bins: ScoreBin[] = Array.from({ length: 10 }, (_, index) => ({
    label: index === 9 ? "90–100" : `${index * 10}–${index * 10 + 9}`,
    from: index * 10,
    learners: 0,
  }));
  for (const average of averages) {
    const index = Math.min(9, Math.max(0, Math.floor(average / 10)));
    bins[index]!.learners += 1;
  }
  return bins;
}

export const PASSING_AVERAGE = 70;

export function scoreTakeaway(averages: readonly number[], learnerCount: number): string {
  if (averages.length === 0) return "No learner has submitted a quiz yet.";
  const above = averages.filter((average) => average >= PASSING_AVERAGE).length;
  const without = learnerCount - averages.length;
  const who = without > 0 ? `${learners(averages.length)} who took a quiz` : learners(averages.length);
  const sentence = `${countFormat.format(above)} of ${who} average ${PASSING_AVERAGE} % or more`;
  return without > 0
    ? `${sentence}; ${learners(without)} ${without === 1 ? "has" : "have"} not submitted a quiz yet.`
    : `${sentence}.`;
}

// ---------- completion over time ----------

export type ActivityEvent = { userId: string; at: Date };
export type DayPoint = {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** "12 Jan", for the axis and the table. */
  label: string;
  /** Lessons completed by the end of this day, since the cohort began. */
  completions: number;
  /** Learners who did anything this day. */
  active: number;
};

/** The longest span the chart shows; older completions still count in the first day's total. */
export const MAX_DAYS = 366;

const startOfDay = (date: Date) => Math.floor(date.getTime() / DAY_MS) * DAY_MS;
const dayLabel = (time: number) => {
  const date = new Date(time);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
};

export function completionOverTime(input: {
  completions: readonly Date[];
  activity: readonly ActivityEvent[];
  from: Date;
  to: Date;
}): DayPoint[] {
  const last = startOfDay(input.to);
  const first = Math.max(Math.min(startOfDay(input.from), last), last - (MAX_DAYS - 1) * DAY_MS);
  const days = Math.round((last - first) / DAY_MS) + 1;
  const completedOn = new Array<number>(days).fill(0);
  let before = 0;
  for (const completion of input.completions) {
    const index = Math.round((startOfDay(completion) - first) / DAY_MS);
    if (index < 0) before += 1;
    else if (index < days) completedOn[index]! += 1;
  }
  const activeOn = Array.from({ length: days }, () => new Set<string>());
  for (const event of input.activity) {
    const index = Math.round((startOfDay(event.at) - first) / DAY_MS);
    if (index >= 0 && index < days) activeOn[index]!.add(event.userId);
  }
  let running = before;
  return completedOn.map((count, index) => {
    running += count;
    const time = first + index * DAY_MS;
    return {
      day: new Date(time).toISOString().slice(0, 10),
      label: dayLabel(time),
      completions: running,
      active: activeOn[index]!.size,
    };
  });
}

export function completionTakeaway(points: readonly DayPoint[]): string {
  const total = points.at(-1)?.completions ?? 0;
  const busiest = points.reduce<DayPoint | null>(
    (best, point) => (point.active > (best?.active ?? 0) ? point : best),
    null,
  );
  if (total === 0 && !busiest) return "No lesson completed and no activity yet.";
  const completed = `${countFormat.format(total)} lesson ${total === 1 ? "completion" : "completions"} so far`;
  if (!busiest) return `${completed}.`;
  return `${completed}; the busiest day was ${busiest.label}, with ${learners(busiest.active)} active.`;
}

// ---------- per-lesson progress ----------

export type LessonProgressRow = { userId: string; lessonSlug: string; completedAt: Date | null };
export type LessonBar = {
  slug: string;
  title: string;
  completed: number;
  inProgress: number;
  notStarted: number;
};

/** Per lesson: learners who completed it, opened it without completing, or never opened it. */
export function lessonProgressBars(
  lessons: ReadonlyArray<{ slug: string; title: string }>,
  progress: readonly LessonProgressRow[],
  learnerIds: readonly string[],
): LessonBar[] {
  const inCohort = new Set(learnerIds);
  return lessons.map(({ slug, title }) => {
    const completed = new Set<string>();
    const opened = new Set<string>();
    for (const row of progress) {
      if (row.lessonSlug !== slug || !inCohort.has(row.userId)) continue;
      opened.add(row.userId);
      if (row.completedAt) completed.add(row.userId);
    }
    return {
      slug,
      title,
      completed: completed.size,
      inProgress: opened.size - completed.size,
      notStarted: inCohort.size - opened.size,
    };
  });
}

export function lessonTakeaway(bars: readonly LessonBar[], learnerCount: number): string {
  if (learnerCount === 0 || bars.length === 0) return "No learners in this cohort yet.";
  if (bars.every((bar) => bar.completed === 0)) return "No learner has completed a lesson yet.";
  const most = bars.reduce((best, bar) => (bar.completed > best.completed ? bar : best));
  const fewest = bars.reduce((worst, bar) => (bar.completed < worst.completed ? bar : worst));
  const of = (bar: LessonBar) =>
    `${bar.title} (${countFormat.format(bar.completed)} of ${countFormat.format(learnerCount)})`;
  return most === fewest || most.completed === fewest.completed
    ? `Every lesson is completed by ${countFormat.format(most.completed)} of ${learners(learnerCount)}.`
    : `Most completed: ${of(most)}; fewest: ${of(fewest)}.`;
}
