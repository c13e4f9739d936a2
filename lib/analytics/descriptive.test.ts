import { describe, expect, it } from "vitest";
import { mean, median, pearson, sampleStandardDeviation, sampleVariance } from "./descriptive";

// Totals of the worked example used across lib/analytics tests: 3, 2.5, 1.5, 1, 0.5.
const totals = [3, 2.5, 1.5, 1, 0.5];

describe("mean and median", () => {
  it("computes the mean: 8.5 / 5 = 1.7", () => {
    expect(mean(totals)).toBeCloseTo(1.7, 12);
  });
  it("takes the middle value of an odd count, whatever the input order", () => {
    expect(median(totals)).toBe(1.5);
    expect(median([1, 3, 0.5, 2.5, 1.5])).toBe(1.5);
  });
  it("averages the two middle values of an even count: (1 + 2) / 2", () => {
    expect(median([4, 1, 2, 0])).toBe(1.5);
  });
  it("has no mean or median without values", () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("sample variance and standard deviation (n − 1)", () => {
  it("divides the squared deviations by n − 1", () => {
    // Deviations from 1.7: 1.3, 0.8, −0.2, −0.7, −1.2; squares 1.69 + 0.64 + 0.04 + 0.49 + 1.44 = 4.30.
    // 4.30 / 4 = 1.075 (the population variance would be 4.30 / 5 = 0.86).
    expect(sampleVariance(totals)).toBeCloseTo(1.075, 12);
    expect(sampleStandardDeviation(totals)).toBeCloseTo(Math.sqrt(1.075), 12); // 1.0368
  });
  it("is 0 for equal values", () => {
    expect(sampleVariance([2, 2, 2])).toBe(0);
  });
  it("is not computable for fewer than two values", () => {
    expect(sampleVariance([1])).toBeNull();
    expect(sampleStandardDeviation([])).toBeNull();
  });
});

describe("pearson", () => {
  it("correlates by hand: x 1,1,0,1,0 with y 2,1.5,1.5,0,0.5", () => {
    // x̄ 0.6, ȳ 1.1; Σdxdy = 0.36 + 0.16 − 0.24 − 0.44 + 0.36 = 0.20; Σdx² = 1.2; Σdy² = 2.70.
    // r = 0.20 / √(1.2 × 2.70) = 0.20 / 1.8 = 0.1111
    expect(pearson([1, 1, 0, 1, 0], [2, 1.5, 1.5, 0, 0.5])).toBeCloseTo(1 / 9, 12);
  });
  it("is ±1 on a straight line", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 12);
  });
  it("is not computable when one side is constant or there is one pair", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });
  it("refuses lists of different lengths", () => {
    expect(() => pearson([1, 2], [1])).toThrow();
  });
});
