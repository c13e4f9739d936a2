import { sampleVariance } from "./descriptive";
import type { ScoreMatrix } from "./item-statistics";

export type AlphaResult =
  | { value: number; learners: number; items: number }
  | { value: null; learners: number; items: number; reason: string };

/**
 * Cronbach's alpha = (k / (k − 1)) · (1 − Σσ²ᵢ / σ²ₜ), over the learners who answered every one of
 * the k questions (alpha is defined on a complete matrix; a learner missing a question has no total
 * comparable with the others). Sample variances throughout (see descriptive.ts); the n − 1 cancels in
 * the ratio, so population variances would give the same alpha.
 *
 * Not computable, with the reason said:
 * - k < 2: with one question there is nothing to be consistent with (and k − 1 = 0).
 * - fewer than two complete learners: no variance at all.
 * - total variance 0: every learner has the same total, the ratio is 0/0.
 * Alpha can come out negative (items that pull in opposite directions); it is returned as it is.
 */
export function cronbachAlpha(matrix: ScoreMatrix): AlphaResult {
  const items = matrix[0]?.length ?? 0;
  const complete = matrix.filter(
    (row): row is number[] => row.length === items && row.every((score) => score !== null),
  );
  const learners = complete.length;
  if (items < 2) return { value: null, learners, items, reason: "needs at least two questions to compare" };
  if (learners < 2)
    return {
      value: null,
      learners,
      items,
      reason: "needs at least two learners who answered every question",
    };
  const totals = complete.map((row) => row.reduce((sum, score) => sum + score, 0));
  const totalVariance = sampleVariance(totals)!;
  if (totalVariance < 1e-12)
    return {
      value: null,
      learners,
      items,
      reason: "every learner has the same total, so there is no spread to explain",
    };
  let itemVariances = 0;
  for (let item = 0; item < items; item += 1)
    itemVariances += sampleVariance(complete.map((row) => row[item]!))!;
  return { value: (items / (items - 1)) * (1 - itemVariances / totalVariance), learners, items };
}
