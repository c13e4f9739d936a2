import { describe, expect, it } from "vitest";
import type { Answer } from "@/lib/grading/answer-schema";
import { itemFlags, type FlagInput } from "./flags";
import { analyseResponses } from "./response-analysis";
import { fillInQuestion, multipleChoiceQuestion, trueFalseQuestion } from "./test-fixtures";

const tf = (value: boolean): Answer => ({ type: "true-false", value });
const mc = (...selected: string[]): Answer => ({ type: "multiple-choice", selected });
const typed = (text: string): Answer => ({ type: "fill-in", blanks: [text] });

/** A true/false item where everyone answered true (the key): no response-based flags. */
function input(overrides: Partial<FlagInput>, responses = 10): FlagInput {
  return {
    responses,
    facility: 0.6,
    discrimination: 0.4,
    correctedItemTotal: 0.3,
    analysis: analyseResponses(
      trueFalseQuestion(true),
      Array.from({ length: responses }, () => tf(true)),
    ),
    ...overrides,
  };
}
const kinds = (flags: ReturnType<typeof itemFlags>) => flags.map((flag) => flag.kind);

describe("itemFlags", () => {
  it("gives no flags to an unremarkable question", () => {
    expect(itemFlags(input({}))).toEqual([]);
  });

  it("says only 'too few responses' below n = 5, whatever the figures", () => {
    const flags = itemFlags(input({ facility: 0, discrimination: -1 }, 4));
    expect(kinds(flags)).toEqual(["too-few-responses"]);
    expect(flags[0]!.message).toContain("n = 4");
    expect(kinds(itemFlags(input({ discrimination: -1 }, 5)))).toContain("negative-discrimination");
  });

  it("flags negative discrimination as a warning to check the key", () => {
    const flags = itemFlags(input({ discrimination: -0.5 }));
    expect(flags).toEqual([
      expect.objectContaining({ kind: "negative-discrimination", severity: "warning" }),
    ]);
    expect(flags[0]!.message).toMatch(/Negative discrimination \(−0\.50\).*Check the key/);
    expect(itemFlags(input({ discrimination: 0 }))).toEqual([]);
  });

  it("falls back to the item–total correlation when the index is not computable", () => {
    expect(kinds(itemFlags(input({ discrimination: null, correctedItemTotal: -0.2 })))).toEqual([
      "negative-discrimination",
    ]);
    expect(itemFlags(input({ discrimination: null, correctedItemTotal: null }))).toEqual([]);
  });

  it("flags very easy above 0.9 and very hard below 0.2, not at the thresholds", () => {
    expect(kinds(itemFlags(input({ facility: 0.95 })))).toEqual(["very-easy"]);
    expect(kinds(itemFlags(input({ facility: 0.9 })))).toEqual([]);
    expect(kinds(itemFlags(input({ facility: 0.1 })))).toEqual(["very-hard"]);
    expect(kinds(itemFlags(input({ facility: 0.2 })))).toEqual([]);
  });

  it("flags a distractor nobody picks", () => {
    // 5 responses: a ×3 (right), b ×2; c and d never picked.
    const analysis = analyseResponses(multipleChoiceQuestion(["a"]), [
      mc("a"),
      mc("a"),
      mc("a"),
      mc("b"),
      mc("b"),
    ]);
    const flags = itemFlags(input({ analysis, responses: 5 }));
    const unused = flags.filter((flag) => flag.kind === "unused-distractor");
    expect(unused.map((flag) => flag.message)).toEqual([
      expect.stringContaining("option c (“Option C”)"),
      expect.stringContaining("option d (“Option D”)"),
    ]);
  });

  it("flags a wrong option picked by many (≥ 30 %, two learners or more) as a warning", () => {
    // b: 2 of 5 = 40 % → flagged. In the next case b: 1 of 5 → not.
    const many = analyseResponses(multipleChoiceQuestion(["a"]), [
      mc("a"),
      mc("a"),
      mc("a"),
      mc("b"),
      mc("b"),
    ]);
    expect(itemFlags(input({ analysis: many, responses: 5 }))[0]).toMatchObject({
      kind: "popular-wrong-answer",
      severity: "warning",
      message: expect.stringContaining("b (“Option B”, 2 of 5, 40 %)"),
    });
    const few = analyseResponses(multipleChoiceQuestion(["a"]), [
      mc("a"),
      mc("a"),
      mc("a"),
      mc("a"),
      mc("b"),
    ]);
    expect(kinds(itemFlags(input({ analysis: few, responses: 5 })))).not.toContain("popular-wrong-answer");
  });

  it("flags a typed wrong answer given by many, suggesting to accept it or re-teach", () => {
    // "SIGQUIT" 3 of 6 = 50 %; left empty 3 of 6 is not an answer to accept, so not flagged.
    const answers = [typed("SIGQUIT"), typed("sigquit"), typed("SIGQUIT"), typed(""), typed(""), typed("")];
    const analysis = analyseResponses(fillInQuestion([["SIGTERM"]]), answers);
    const flags = itemFlags(input({ analysis, responses: 6 }));
    expect(flags.filter((flag) => flag.kind === "popular-wrong-answer").map((flag) => flag.message)).toEqual([
      "A wrong answer given by many: “SIGQUIT” in blank 1 (3 of 6, 50 %). Accept it for everyone if it is right, or re-teach.",
    ]);
  });

  it("flags a wrong true/false value given by many", () => {
    const analysis = analyseResponses(trueFalseQuestion(true), [
      tf(true),
      tf(true),
      tf(true),
      tf(false),
      tf(false),
    ]);
    expect(itemFlags(input({ analysis, responses: 5 }))[0]!.message).toContain("Many answered “False”");
  });

  it("lists warnings before information", () => {
    const flags = itemFlags(input({ facility: 0.95, discrimination: -0.2 }));
    expect(kinds(flags)).toEqual(["negative-discrimination", "very-easy"]);
  });
});
