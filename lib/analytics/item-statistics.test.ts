import { describe, expect, it } from "vitest";
import {
  correctedItemTotal,
  discriminationIndex,
  extremeGroupWeights,
  facility,
  itemScores,
  learnerTotals,
} from "./item-statistics";

/**
 * The worked example: 5 learners × 4 questions, partial credit allowed.
 *
 *          q1   q2   q3   q4  | total  share (total ÷ 4)
 *   L1      1    1    1    0  |  3     0.75
 *   L2      1    1   .5    0  |  2.5   0.625
 *   L3      1    0   .5    0  |  1.5   0.375
 *   L4      0    1    0    0  |  1     0.25
 *   L5      0    0    0   .5  |  0.5   0.125
 */
const worked = [
  [1, 1, 1, 0],
  [1, 1, 0.5, 0],
  [1, 0, 0.5, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 0.5],
];

describe("facility", () => {
  it("is the mean score over the maximum, per question", () => {
    // q1: 3/5 = 0.6; q2: 3/5 = 0.6; q3: (1 + .5 + .5)/5 = 0.4; q4: 0.5/5 = 0.1
    expect([0, 1, 2, 3].map((item) => facility(itemScores(worked, item)))).toEqual([0.6, 0.6, 0.4, 0.1]);
  });
  it("divides by another maximum when given", () => {
    expect(facility([2, 1], 4)).toBe(0.375);
  });
  it("is null with no responses", () => {
    expect(facility([])).toBeNull();
  });
  it("counts only learners who had the question", () => {
    expect(itemScores([[1], [null], [0]], 0)).toEqual([1, 0]);
    expect(facility(itemScores([[1], [null], [0]], 0))).toBe(0.5);
  });
});

describe("learnerTotals", () => {
  it("is each learner's share of the questions they had", () => {
    expect(learnerTotals(worked)).toEqual([0.75, 0.625, 0.375, 0.25, 0.125]);
    // (1 + 0) / 2: the missing question neither adds nor counts against the learner.
    expect(learnerTotals([[1, null, 0]])).toEqual([0.5]);
    expect(learnerTotals([[null, null]])).toEqual([null]);
  });
});

describe("discriminationIndex (upper 27 % minus lower 27 %)", () => {
  it("uses one learner per group for n = 5 (round(0.27 × 5) = 1): L1 against L5", () => {
    // q1: 1 − 0 = 1; q2: 1 − 0 = 1; q3: 1 − 0 = 1; q4: 0 − 0.5 = −0.5 (the weakest learner got it).
    expect([0, 1, 2, 3].map((item) => discriminationIndex(worked, item))).toEqual([1, 1, 1, -0.5]);
  });

  it("uses three per group for n = 10 (round(2.7) = 3)", () => {
    // Column 1 (y = i/10) spreads the totals; column 0 is right for learners 9 and 6 only.
    // Shares (x + y)/2: 9 → .95, 6 → .8, 8 → .4, 7 → .35, …, 0 → 0.
    // Upper three: 9, 6, 8 → x = 1, 1, 0 → 2/3. Lower three: 0, 1, 2 → 0. D = 2/3
    // (two per group would give 1, four would give 0.5).
    const rows = Array.from({ length: 10 }, (_, i) => [i === 9 || i === 6 ? 1 : 0, i / 10]);
    expect(discriminationIndex(rows, 0)).toBeCloseTo(2 / 3, 12);
  });

  it("splits a tie at the group boundary evenly instead of picking one learner", () => {
    //       q1 q2 q3 q4 | share
    //   A    1  0  1  1 | .75   ┐ tied for the single upper place: weight 1/2 each
    //   B    0  1  1  1 | .75   ┘
    //   C    1  0  1  0 | .5
    //   D    0  0  0  0 | 0       lower group
    // q1: upper = (1 + 0)/2 = 0.5, lower = 0 → D = 0.5 (taking A alone would give 1, B alone 0).
    const rows = [
      [1, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
    ];
    expect(discriminationIndex(rows, 0)).toBe(0.5);
    expect(discriminationIndex([...rows].reverse(), 0)).toBe(0.5);
  });

  it("is 0 when every learner has the same total (both groups are everyone, equally weighted)", () => {
    const rows = [
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
    ];
    expect(discriminationIndex(rows, 0)).toBeCloseTo(0, 12);
  });

  it("ranks only learners who had the question, by their share of their own questions", () => {
    // q3 was in B's attempt (share (0 + 0 + 1)/3 = 1/3) and D's (share (1 + 0)/2 = 1/2) only.
    // n = 2 → groups of 1: upper D scored 0, lower B scored 1 → D = −1.
    const rows = [
      [1, 1, null],
      [0, 0, 1],
      [1, null, null],
      [null, 1, 0],
    ];
    expect(discriminationIndex(rows, 2)).toBe(-1);
  });

  it("is null with fewer than two learners", () => {
    expect(discriminationIndex([[1, 0]], 0)).toBeNull();
    expect(
      discriminationIndex(
        [
          [1, 0],
          [null, 1],
        ],
        0,
      ),
    ).toBeNull();
  });
});

describe("extremeGroupWeights", () => {
  it("gives tied learners at the boundary equal shares that add up to the group size", () => {
    // Size 2 from 9, 7, 7, 7, 3: 9 fills one place, the three 7s share the other (1/3 each).
    expect(extremeGroupWeights([9, 7, 7, 7, 3], 2, "top")).toEqual([1, 1 / 3, 1 / 3, 1 / 3, 0]);
    expect(extremeGroupWeights([9, 7, 7, 7, 3], 2, "bottom")).toEqual([0, 1 / 3, 1 / 3, 1 / 3, 1]);
  });
  it("gives whole weights when no tie straddles the boundary", () => {
    expect(extremeGroupWeights([5, 4, 4, 1], 3, "top")).toEqual([1, 1, 1, 0]);
  });
});

describe("correctedItemTotal (item against the rest of the quiz)", () => {
  it("correlates q4 with the other three questions: −0.749", () => {
    // Rest sums (total − q4): 3, 2.5, 1.5, 1, 0 (means over three rank the same; r is unchanged).
    // x̄ = 0.1, rest mean 1.6; dx: −.1 −.1 −.1 −.1 .4; dr: 1.4 .9 −.1 −.6 −1.6.
    // Σdxdr = −.14 − .09 + .01 + .06 − .64 = −0.80; Σdx² = 0.2; Σdr² = 1.96 + .81 + .01 + .36 + 2.56 = 5.70.
    // r = −0.80 / √(0.2 × 5.70) = −0.80 / 1.06771 = −0.74927
    expect(correctedItemTotal(worked, 3)).toBeCloseTo(-0.8 / Math.sqrt(1.14), 12);
  });
  it("correlates q1 with the rest: 0.490", () => {
    // Rest sums: 2, 1.5, .5, 1, .5; x̄ 0.6, rest mean 1.1.
    // dx: .4 .4 .4 −.6 −.6; dr: .9 .4 −.6 −.1 −.6; Σdxdr = .36 + .16 − .24 + .06 + .36 = 0.70.
    // Σdx² = 1.2; Σdr² = .81 + .16 + .36 + .01 + .36 = 1.70; r = 0.70 / √2.04 = 0.49010
    expect(correctedItemTotal(worked, 0)).toBeCloseTo(0.7 / Math.sqrt(2.04), 12);
  });
  it("leaves out learners without the question or without any other question", () => {
    // q1 pairs: A (1, rest 1), B (0, rest mean(0, 1) = .5); C had only q1, D not q1 → r = 1.
    const rows = [
      [1, 1, null],
      [0, 0, 1],
      [1, null, null],
      [null, 1, 0],
    ];
    expect(correctedItemTotal(rows, 0)).toBeCloseTo(1, 12);
  });
  it("is null when everyone scored the same on the question", () => {
    expect(
      correctedItemTotal(
        [
          [1, 0],
          [1, 1],
        ],
        0,
      ),
    ).toBeNull();
  });
});
