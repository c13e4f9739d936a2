import { describe, expect, it } from "vitest";
import { cronbachAlpha } from "./reliability";

// The worked example of item-statistics.test.ts (5 learners × 4 questions).
const worked = [
  [1, 1, 1, 0],
  [1, 1, 0.5, 0],
  [1, 0, 0.5, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 0.5],
];

describe("cronbachAlpha", () => {
  it("computes (k/(k−1))(1 − Σσ²ᵢ/σ²ₜ) by hand: 40/129 ≈ 0.310", () => {
    // Sample item variances: q1 (3·.16 + 2·.36)/4 = 0.3; q2 0.3; q3 (.36 + 2·.01 + 2·.16)/4 = 0.175;
    // q4 (4·.01 + .16)/4 = 0.05. Σσ²ᵢ = 0.825. Totals 3, 2.5, 1.5, 1, .5: σ²ₜ = 4.30/4 = 1.075.
    // α = (4/3)(1 − 0.825/1.075) = (4/3)(0.25/1.075) = (4/3)(10/43) = 40/129 = 0.31008
    const result = cronbachAlpha(worked);
    expect(result.value).toBeCloseTo(40 / 129, 12);
    expect(result).toMatchObject({ learners: 5, items: 4 });
  });

  it("is 1 when the questions agree perfectly", () => {
    // Both columns 1,1,0: σ²ᵢ = 1/3 each, totals 2,2,0: σ²ₜ = 4/3. α = 2 (1 − (2/3)/(4/3)) = 1
    expect(
      cronbachAlpha([
        [1, 1],
        [1, 1],
        [0, 0],
      ]).value,
    ).toBeCloseTo(1, 12);
  });

  it("comes out negative when questions pull in opposite directions, and says so as it is", () => {
    // Columns 1,0,1 and 0,1,1: σ²ᵢ = 1/3 each; totals 1,1,2: σ²ₜ = 1/3. α = 2(1 − (2/3)/(1/3)) = −2
    expect(
      cronbachAlpha([
        [1, 0],
        [0, 1],
        [1, 1],
      ]).value,
    ).toBeCloseTo(-2, 12);
  });

  it("uses only learners who answered every question, and counts them", () => {
    const withGaps = [...worked, [1, null, 1, 1], [null, null, null, 1]];
    const result = cronbachAlpha(withGaps);
    expect(result.value).toBeCloseTo(40 / 129, 12);
    expect(result.learners).toBe(5);
  });

  it("is not computable with fewer than two questions (k − 1 = 0)", () => {
    const result = cronbachAlpha([[1], [0], [1]]);
    expect(result.value).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringContaining("two questions") });
  });

  it("is not computable with fewer than two complete learners", () => {
    const result = cronbachAlpha([
      [1, 0],
      [1, null],
    ]);
    expect(result).toMatchObject({
      value: null,
      learners: 1,
      reason: expect.stringContaining("two learners"),
    });
    expect(cronbachAlpha([]).value).toBeNull();
  });

  it("is not computable when every total is the same (zero variance)", () => {
    const result = cronbachAlpha([
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(result).toMatchObject({ value: null, reason: expect.stringContaining("same total") });
  });
});
