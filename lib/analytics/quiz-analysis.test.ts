import { describe, expect, it } from "vitest";
import type { Answer } from "@/lib/grading/answer-schema";
import type { Question } from "@/lib/questions/schema";
import { analyseQuiz, flaggedFirst } from "./quiz-analysis";
import { fillInQuestion, multipleChoiceQuestion, trueFalseQuestion } from "./test-fixtures";

const tf = (value: boolean): Answer => ({ type: "true-false", value });

// The worked example (item-statistics.test.ts): columns are four true/false questions with key true;
// a score of 0.5 stands for partial credit the way an instructor override would give it.
const scores = [
  [1, 1, 1, 0],
  [1, 1, 0.5, 0],
  [1, 0, 0.5, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 0.5],
];
const questions: Question[] = [0, 1, 2, 3].map((index) => ({
  ...trueFalseQuestion(true),
  id: `q${index + 1}`,
}));
const rows = scores.map((row) => row.map((score) => ({ score, answer: tf(score > 0) })));

describe("analyseQuiz", () => {
  const result = analyseQuiz({ questions, rows });

  it("summarises the learners' totals as shares of the quiz", () => {
    // Shares 0.75, 0.625, 0.375, 0.25, 0.125: mean 2.125/5 = 0.425, median 0.375,
    // sample SD = SD of the raw totals ÷ 4 = √1.075 / 4 = 0.2592.
    expect(result.learners).toBe(5);
    expect(result.mean).toBeCloseTo(0.425, 12);
    expect(result.median).toBe(0.375);
    expect(result.standardDeviation).toBeCloseTo(Math.sqrt(1.075) / 4, 12);
    expect(result.alpha.value).toBeCloseTo(40 / 129, 12);
  });

  it("gives each question its statistics and flags", () => {
    expect(
      result.items.map((item) => [item.questionId, item.responses, item.facility, item.discrimination]),
    ).toEqual([
      ["q1", 5, 0.6, 1],
      ["q2", 5, 0.6, 1],
      ["q3", 5, 0.4, 1],
      ["q4", 5, 0.1, -0.5],
    ]);
    expect(result.items[3]!.correctedItemTotal).toBeCloseTo(-0.8 / Math.sqrt(1.14), 12);
    // q4: negative discrimination, very hard; 4 of 5 answered "False" (wrong) → popular wrong answer.
    expect(result.items[3]!.flags.map((flag) => flag.kind)).toEqual([
      "negative-discrimination",
      "popular-wrong-answer",
      "very-hard",
    ]);
  });

  it("treats a question missing from an attempt as not answered", () => {
    const withGap = analyseQuiz({
      questions,
      rows: [...rows, [rows[0]![0]!, null, null, null]],
    });
    expect(withGap.items.map((item) => item.responses)).toEqual([6, 5, 5, 5]);
    // q1 facility (3 + 1)/6; alpha still over the 5 complete learners.
    expect(withGap.items[0]!.facility).toBeCloseTo(4 / 6, 12);
    expect(withGap.alpha).toMatchObject({ learners: 5 });
    expect(withGap.learners).toBe(6);
  });

  it("works on a quiz nobody has answered", () => {
    const empty = analyseQuiz({
      questions: [fillInQuestion([["x"]]), multipleChoiceQuestion(["a"])],
      rows: [],
    });
    expect(empty).toMatchObject({ learners: 0, mean: null, median: null, standardDeviation: null });
    expect(empty.alpha.value).toBeNull();
    expect(empty.items.map((item) => item.flags.map((flag) => flag.kind))).toEqual([
      ["too-few-responses"],
      ["too-few-responses"],
    ]);
  });
});

describe("flaggedFirst", () => {
  it("puts warnings first, then other flags, then the rest, keeping order within each", () => {
    const warn = { severity: "warning" as const, kind: "negative-discrimination" as const, message: "" };
    const info = { severity: "info" as const, kind: "very-easy" as const, message: "" };
    const items = [
      { id: 1, flags: [] },
      { id: 2, flags: [info] },
      { id: 3, flags: [info, warn] },
      { id: 4, flags: [] },
      { id: 5, flags: [warn] },
    ];
    expect(flaggedFirst(items).map((item) => item.id)).toEqual([3, 5, 2, 1, 4]);
  });
});
