import { Rating, type Grade } from "ts-fsrs";

/**
 * The objective cap on a self-rating. The learner rates how well they remembered,
 * but the server graded the answer first, and a wrong answer cannot be "remembered":
 *   - full marks (score ≥ 1): any rating, Again to Easy;
 *   - partly right (0 < score < 1, e.g. one blank of two): at most Hard;
 *   - wrong or blank (score 0): Again only.
 * Hard for a partial answer keeps the card in review (FSRS treats Hard as a pass) but
 * grows the interval least; a full miss must be relearned, so only Again fits.
 */
export function ratingCap(score: number): Grade {
  if (!Number.isFinite(score) || score <= 0) return Rating.Again;
  return score >= 1 ? Rating.Easy : Rating.Hard;
}

/** The ratings a learner may choose after an answer with this score (lowest first). */
export function allowedRatings(score: number): Grade[] {
  const cap = ratingCap(score);
  return ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]).filter((rating) => rating <= cap);
}

/** A requested rating held to the cap: the server never trusts the browser's choice beyond it. */
export function cappedRating(requested: Grade, score: number): Grade {
  return Math.min(requested, ratingCap(score)) as Grade;
}

/** What Space chooses once the answer is shown: Good (as in Anki), or the cap when that is lower. */
export function defaultRating(score: number): Grade {
  return cappedRating(Rating.Good, score);
}

export const RATING_LABELS: Record<Grade, string> = {
  [Rating.Again]: "Again",
  [Rating.Hard]: "Hard",
  [Rating.Good]: "Good",
  [Rating.Easy]: "Easy",
} as Record<Grade, string>;
