import { describe, expect, it } from "vitest";
import {
  MultipleChoiceSchema,
  TrueFalseSchema,
  type MultipleChoiceQuestion,
  type TrueFalseQuestion,
} from "@/lib/questions/schema";
import { gradeMultipleChoice, gradeTrueFalse } from "./choice";

function trueFalse(answer: boolean): TrueFalseQuestion {
  return TrueFalseSchema.parse({
    id: "tf-fixture",
    section: "fixture",
    type: "true-false",
    explanation: "Fixture explanation.",
    statement: "A container restarts by itself.",
    answer,
  });
}

/** `correct` lists the ids of the right options; options are a, b, c, … */
function multipleChoice(count: number, correct: string[]): MultipleChoiceQuestion {
  const ids = "abcdef".slice(0, count).split("");
  return MultipleChoiceSchema.parse({
    id: "mc-fixture",
    section: "fixture",
    type: "multiple-choice",
    explanation: "Fixture explanation.",
    prompt: "Pick.",
    options: ids.map((id) => ({
      id,
      text: `Option ${id}`,
      // Leave `correct` out for wrong options so the schema default applies.
      ...(correct.includes(id) ? { correct: true } : {}),
      why: `Why ${id}`,
    })),
  });
}

describe("gradeTrueFalse", () => {
  it.each([true, false])("scores the right answer (%s) as 1", (answer) => {
    const result = gradeTrueFalse(trueFalse(answer), answer);
    expect(result).toEqual({ score: 1, given: answer, answer });
  });

  it.each([true, false])("scores the wrong answer as 0 when the answer is %s", (answer) => {
    const result = gradeTrueFalse(trueFalse(answer), !answer);
    expect(result).toEqual({ score: 0, given: !answer, answer });
  });

  it.each([true, false])("scores unanswered (null) as 0 when the answer is %s", (answer) => {
    const result = gradeTrueFalse(trueFalse(answer), null);
    expect(result).toEqual({ score: 0, given: null, answer });
  });
});

describe("gradeMultipleChoice: single answer", () => {
  const question = multipleChoice(4, ["c"]);

  it("scores the right option as 1", () => {
    const result = gradeMultipleChoice(question, ["c"]);
    expect(result.score).toBe(1);
    expect(result.correctIds).toEqual(["c"]);
  });

  it.each([["a"], ["b"], ["d"]])("scores the wrong option %s as 0", (id) => {
    expect(gradeMultipleChoice(question, [id]).score).toBe(0);
  });

  it("scores the right option plus a wrong one as 0", () => {
    expect(gradeMultipleChoice(question, ["c", "a"]).score).toBe(0);
    expect(gradeMultipleChoice(question, ["a", "c"]).score).toBe(0);
    expect(gradeMultipleChoice(question, ["a", "b", "c", "d"]).score).toBe(0);
  });

  it("scores nothing selected as 0", () => {
    expect(gradeMultipleChoice(question, []).score).toBe(0);
  });

  it("is not fooled by the right option picked twice", () => {
    expect(gradeMultipleChoice(question, ["c", "c"]).score).toBe(1);
  });

  it("counts an unknown option id as a wrong pick", () => {
    expect(gradeMultipleChoice(question, ["c", "z"]).score).toBe(0);
    expect(gradeMultipleChoice(question, ["z"]).score).toBe(0);
  });
});

describe("gradeMultipleChoice: select all that apply", () => {
  const twoOfFour = multipleChoice(4, ["a", "c"]);

  it("scores both right options as 1", () => {
    expect(gradeMultipleChoice(twoOfFour, ["a", "c"]).score).toBe(1);
    expect(gradeMultipleChoice(twoOfFour, ["c", "a"]).score).toBe(1);
  });

  it("scores one of two right options as 0.5", () => {
    expect(gradeMultipleChoice(twoOfFour, ["a"]).score).toBe(0.5);
    expect(gradeMultipleChoice(twoOfFour, ["c"]).score).toBe(0.5);
  });

  it("scores both right options plus one wrong as 0.5", () => {
    expect(gradeMultipleChoice(twoOfFour, ["a", "b", "c"]).score).toBe(0.5);
  });

  it("scores every box ticked as 0", () => {
    expect(gradeMultipleChoice(twoOfFour, ["a", "b", "c", "d"]).score).toBe(0);
  });

  it("floors the score at 0 rather than going negative", () => {
    expect(gradeMultipleChoice(twoOfFour, ["b", "d"]).score).toBe(0);
    expect(gradeMultipleChoice(twoOfFour, ["a", "b", "d"]).score).toBe(0);
  });

  it("scores nothing selected as 0", () => {
    expect(gradeMultipleChoice(twoOfFour, []).score).toBe(0);
  });

  it("uses the number of right options as the denominator", () => {
    const threeOfFive = multipleChoice(5, ["a", "b", "e"]);
    expect(gradeMultipleChoice(threeOfFive, ["a"]).score).toBeCloseTo(1 / 3, 10);
    expect(gradeMultipleChoice(threeOfFive, ["a", "e"]).score).toBeCloseTo(2 / 3, 10);
    expect(gradeMultipleChoice(threeOfFive, ["a", "b", "e", "c"]).score).toBeCloseTo(2 / 3, 10);
    expect(gradeMultipleChoice(threeOfFive, ["a", "b", "e"]).score).toBe(1);
    expect(gradeMultipleChoice(threeOfFive, ["a", "b", "e", "c", "d"]).score).toBeCloseTo(1 / 3, 10);
  });

  it("counts an unknown option id as a wrong pick", () => {
    expect(gradeMultipleChoice(twoOfFour, ["a", "c", "z"]).score).toBe(0.5);
    expect(gradeMultipleChoice(twoOfFour, ["a", "z"]).score).toBe(0);
  });

  it("does not count the same pick twice", () => {
    expect(gradeMultipleChoice(twoOfFour, ["a", "a"]).score).toBe(0.5);
    expect(gradeMultipleChoice(twoOfFour, ["a", "c", "b", "b"]).score).toBe(0.5);
  });

  it("lists the right option ids in option order", () => {
    expect(gradeMultipleChoice(twoOfFour, []).correctIds).toEqual(["a", "c"]);
  });
});

describe("gradeMultipleChoice: option verdicts", () => {
  it("gives every option, in the question's order, with why, selected and correct", () => {
    const question = multipleChoice(4, ["a", "c"]);
    const result = gradeMultipleChoice(question, ["c", "b"]);
    expect(result.options).toEqual([
      { id: "a", selected: false, correct: true, why: "Why a" },
      { id: "b", selected: true, correct: false, why: "Why b" },
      { id: "c", selected: true, correct: true, why: "Why c" },
      { id: "d", selected: false, correct: false, why: "Why d" },
    ]);
  });

  it("does not invent a verdict for an unknown option id", () => {
    const result = gradeMultipleChoice(multipleChoice(3, ["b"]), ["z", "b"]);
    expect(result.options.map((option) => option.id)).toEqual(["a", "b", "c"]);
    expect(result.options.map((option) => option.selected)).toEqual([false, true, false]);
  });
});
