import { describe, expect, it } from "vitest";
import {
  checkRubricGrades,
  parseStoredRubricGrades,
  pointScoreLabel,
  rubricScore,
  RubricGradeInputSchema,
} from "./rubric-grade";

const rubric = [
  { id: "liveness", weight: 3 },
  { id: "readiness", weight: 2 },
  { id: "storm", weight: 1 },
];

describe("rubricScore", () => {
  it("is 1 when every point is full and 0 when none is", () => {
    expect(
      rubricScore(
        rubric,
        rubric.map((point) => ({ pointId: point.id, score: 1 })),
      ),
    ).toBe(1);
    expect(
      rubricScore(
        rubric,
        rubric.map((point) => ({ pointId: point.id, score: 0 })),
      ),
    ).toBe(0);
  });

  it("weights each point's share by the point's weight", () => {
    // (3·1 + 2·0.5 + 1·0) / 6 = 4/6
    const grades = [
      { pointId: "liveness", score: 1 },
      { pointId: "readiness", score: 0.5 },
      { pointId: "storm", score: 0 },
    ];
    expect(rubricScore(rubric, grades)).toBeCloseTo(4 / 6, 10);
    // The light point full, the heavy one empty: (0 + 0 + 1) / 6.
    expect(
      rubricScore(rubric, [
        { pointId: "liveness", score: 0 },
        { pointId: "readiness", score: 0 },
        { pointId: "storm", score: 1 },
      ]),
    ).toBeCloseTo(1 / 6, 10);
  });

  it("accepts any share between 0 and 1, not only halves", () => {
    expect(
      rubricScore(
        [
          { id: "a", weight: 1 },
          { id: "b", weight: 1 },
        ],
        [
          { pointId: "a", score: 0.25 },
          { pointId: "b", score: 0.75 },
        ],
      ),
    ).toBeCloseTo(0.5, 10);
  });

  it("counts a point without a grade as 0 and ignores grades for points not in the rubric", () => {
    expect(
      rubricScore(rubric, [
        { pointId: "liveness", score: 1 },
        { pointId: "ghost", score: 1 },
      ]),
    ).toBeCloseTo(0.5, 10);
  });

  it("is 0 for an empty rubric rather than NaN", () => {
    expect(rubricScore([], [])).toBe(0);
  });
});

describe("checkRubricGrades", () => {
  const all = rubric.map((point) => ({ pointId: point.id }));

  it("accepts each rubric point exactly once, in any order", () => {
    expect(checkRubricGrades(rubric, [...all].reverse())).toEqual({ ok: true });
  });

  it("names an unknown point and tells the instructor to reload", () => {
    const result = checkRubricGrades(rubric, [...all, { pointId: "ghost" }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"ghost"');
      expect(result.error).toMatch(/reload/i);
    }
  });

  it("lists every missing point", () => {
    const result = checkRubricGrades(rubric, [{ pointId: "readiness" }]);
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('missing: "liveness", "storm"'),
    });
  });

  it("refuses a point graded twice", () => {
    const result = checkRubricGrades(rubric, [...all, { pointId: "storm" }]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('"storm" is graded twice') });
  });
});

describe("RubricGradeInputSchema", () => {
  it("trims comments and turns blank ones into null", () => {
    const parsed = RubricGradeInputSchema.parse({
      points: [
        { pointId: "liveness", score: 1, comment: "  Clear.  " },
        { pointId: "readiness", score: 0.5, comment: "   " },
        { pointId: "storm", score: 0 },
      ],
      comment: "\n Good answer overall. \n",
    });
    expect(parsed.points.map((point) => point.comment)).toEqual(["Clear.", null, null]);
    expect(parsed.comment).toBe("Good answer overall.");
  });

  it.each([-0.1, 1.01, Number.NaN])("refuses a point score of %s", (score) => {
    const parsed = RubricGradeInputSchema.safeParse({ points: [{ pointId: "a", score }] });
    expect(parsed.success).toBe(false);
  });

  it("refuses a grade with no points and an over-long comment, with readable messages", () => {
    const empty = RubricGradeInputSchema.safeParse({ points: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toMatch(/rubric points/);
    const long = RubricGradeInputSchema.safeParse({
      points: [{ pointId: "a", score: 1 }],
      comment: "x".repeat(2001),
    });
    expect(long.error?.issues[0]?.message).toMatch(/under 2000 characters/);
  });
});

describe("parseStoredRubricGrades", () => {
  it("reads what was stored, comments included", () => {
    const json = JSON.stringify([
      { pointId: "liveness", score: 0.5, comment: "Say why." },
      { pointId: "storm", score: 1, comment: null },
    ]);
    expect(parseStoredRubricGrades(json)).toEqual([
      { pointId: "liveness", score: 0.5, comment: "Say why." },
      { pointId: "storm", score: 1, comment: null },
    ]);
  });

  it.each([null, undefined, "", "not json", '{"pointId":"a"}', '[{"pointId":"a","score":2}]'])(
    "is null for %j instead of throwing",
    (json) => {
      expect(parseStoredRubricGrades(json)).toBeNull();
    },
  );
});

describe("pointScoreLabel", () => {
  it("names the form's steps and shows other shares as percentages", () => {
    expect([0, 0.5, 1, 0.25].map(pointScoreLabel)).toEqual(["None", "Half", "Full", "25%"]);
  });
});
