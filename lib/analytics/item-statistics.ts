import { mean, pearson } from "./descriptive";

/**
 * One row per learner, one column per question: the score (0–1, partial credit allowed) or null when
 * the question was not in that learner's attempt. Every question is worth 1 point (lib/grading).
 */
export type ScoreMatrix = ReadonlyArray<ReadonlyArray<number | null>>;

/** Share of the upper and lower groups in Kelley's discrimination index. */
export const EXTREME_GROUP_SHARE = 0.27;

/** The scores given for one question, skipping learners who did not have it. */
export function itemScores(matrix: ScoreMatrix, item: number): number[] {
  return matrix.flatMap((row) => (row[item] === null || row[item] === undefined ? [] : [row[item]]));
}

/**
 * Each learner's total as a share of the questions they had (sum ÷ count). When everyone had the
 * same questions this ranks exactly like the raw sum; when attempts differ (the bank changed) a
 * learner is not ranked low just for having had fewer questions. Null for a learner with none.
 */
export function learnerTotals(matrix: ScoreMatrix): Array<number | null> {
  return rowSums(matrix).map(({ sum, count }) => (count === 0 ? null : sum / count));
}

/** Each learner's sum of scores and number of questions had: computed once per quiz, not once per question. */
export function rowSums(matrix: ScoreMatrix): Array<{ sum: number; count: number }> {
  return matrix.map((row) => {
    let sum = 0;
    let count = 0;
    for (const score of row)
      if (score !== null) {
        sum += score;
        count += 1;
      }
    return { sum, count };
  });
}

/** Facility index: mean score ÷ maximum score (0 = nobody, 1 = everybody got it). Null with no responses. */
export function facility(scores: readonly number[], maxScore = 1): number | null {
  const average = mean(scores);
  return average === null ? null : average / maxScore;
}

/**
 * Weights (0–1) of each learner in an extreme group of `size` learners, taken from the top or the
 * bottom of the ranking by total.
 *
 * Ties: when the group boundary falls inside a run of equal totals, every tied learner gets the same
 * fractional weight so that the weights still add up to `size`. E.g. size 2, totals 9, 7, 7, 7, 3:
 * the upper group is 9 (weight 1) plus each 7 at weight 1/3. The result never depends on the order of
 * the rows, which picking "the first" tied learner would.
 */
export function extremeGroupWeights(
  totals: readonly number[],
  size: number,
  end: "top" | "bottom",
): number[] {
  if (size <= 0 || totals.length === 0) return totals.map(() => 0);
  const sorted = Float64Array.from(totals).sort();
  const take = Math.min(size, totals.length);
  // The total at the group's edge; learners beyond it are in for sure, learners on it share what is left.
  const edge = end === "top" ? sorted[sorted.length - take]! : sorted[take - 1]!;
  const beyond = (total: number) => (end === "top" ? total > edge : total < edge);
  let certain = 0;
  let onEdge = 0;
  for (const total of totals) {
    if (beyond(total)) certain += 1;
    else if (total === edge) onEdge += 1;
  }
  const edgeWeight = (take - certain) / onEdge;
  return totals.map((total) => (beyond(total) ? 1 : total === edge ? edgeWeight : 0));
}

/**
 * Discrimination index D (Kelley): mean item score in the upper 27 % by total minus the same in the
 * lower 27 %, divided by the maximum (−1 … 1). Group size is round(0.27 × n), at least 1, over the n
 * learners who had the question. Null with fewer than two such learners.
 */
export function discriminationIndex(
  matrix: ScoreMatrix,
  item: number,
  maxScore = 1,
  totals: ReadonlyArray<number | null> = learnerTotals(matrix),
): number | null {
  const pairs = matrix.flatMap((row, index) => {
    const score = row[item];
    const total = totals[index];
    return score === null || score === undefined || total === null || total === undefined
      ? []
      : [{ score, total }];
  });
  if (pairs.length < 2) return null;
  const size = Math.max(1, Math.round(EXTREME_GROUP_SHARE * pairs.length));
  const groupMean = (end: "top" | "bottom") => {
    const weights = extremeGroupWeights(
      pairs.map((pair) => pair.total),
      size,
      end,
    );
    return pairs.reduce((sum, pair, index) => sum + pair.score * weights[index]!, 0) / size;
  };
  return (groupMean("top") - groupMean("bottom")) / maxScore;
}

/**
 * Corrected item–total correlation (the point-biserial for right/wrong items, Pearson's r with partial
 * credit): the item score against the learner's score on the OTHER questions, so the item does not
 * correlate with itself. "Other questions" is again a share of those the learner had. Null when fewer
 * than two learners had this and another question, or either side does not vary.
 */
export function correctedItemTotal(
  matrix: ScoreMatrix,
  item: number,
  sums: ReadonlyArray<{ sum: number; count: number }> = rowSums(matrix),
): number | null {
  const scores: number[] = [];
  const rest: number[] = [];
  matrix.forEach((row, index) => {
    const score = row[item];
    const { sum, count } = sums[index]!;
    if (score === null || score === undefined || count < 2) return;
    scores.push(score);
    rest.push((sum - score) / (count - 1));
  });
  return pearson(scores, rest);
}
