import { Rating, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { allowedRatings, cappedRating, defaultRating, RATING_LABELS, ratingCap } from "./rating";

const ALL: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

describe("ratingCap", () => {
  it.each([
    [1, Rating.Easy],
    [1.5, Rating.Easy],
    [0.999, Rating.Hard],
    [0.5, Rating.Hard],
    [0.01, Rating.Hard],
    [0, Rating.Again],
    [-1, Rating.Again],
    [Number.NaN, Rating.Again],
  ])("score %s caps at %s", (score, cap) => {
    expect(ratingCap(score)).toBe(cap);
  });
});

describe("cappedRating", () => {
  // Every rating against every kind of score: the cap is a ceiling, never a floor.
  it.each(ALL.flatMap((rating) => [1, 0.5, 0].map((score) => [rating, score] as const)))(
    "rating %s with score %s",
    (rating, score) => {
      const capped = cappedRating(rating, score);
      expect(capped).toBeLessThanOrEqual(rating);
      expect(capped).toBeLessThanOrEqual(ratingCap(score));
      if (rating <= ratingCap(score)) expect(capped).toBe(rating);
      else expect(capped).toBe(ratingCap(score));
    },
  );

  it("turns Easy into Again for a wrong answer and into Hard for a partial one", () => {
    expect(cappedRating(Rating.Easy, 0)).toBe(Rating.Again);
    expect(cappedRating(Rating.Easy, 0.5)).toBe(Rating.Hard);
    expect(cappedRating(Rating.Good, 0.5)).toBe(Rating.Hard);
    expect(cappedRating(Rating.Again, 1)).toBe(Rating.Again);
  });
});

describe("allowedRatings", () => {
  it("offers all four after full marks, Again and Hard after a partial answer, Again after a miss", () => {
    expect(allowedRatings(1)).toEqual(ALL);
    expect(allowedRatings(0.5)).toEqual([Rating.Again, Rating.Hard]);
    expect(allowedRatings(0)).toEqual([Rating.Again]);
  });
});

describe("defaultRating (Space)", () => {
  it("is Good after full marks and the cap otherwise", () => {
    expect(defaultRating(1)).toBe(Rating.Good);
    expect(defaultRating(0.5)).toBe(Rating.Hard);
    expect(defaultRating(0)).toBe(Rating.Again);
  });
});

it("labels the four ratings as Anki does", () => {
  expect(ALL.map((rating) => RATING_LABELS[rating])).toEqual(["Again", "Hard", "Good", "Easy"]);
});
