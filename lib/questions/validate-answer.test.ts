import { describe, expect, it } from "vitest";
import { answerProblem, assertAnswerFits, AnswerValidationError } from "./validate-answer";
import type { Question } from "./schema";

const base = { section: "s", origin: "shipshape" as const, explanation: "e" };
const single: Question = {
  ...base,
  id: "c",
  type: "multiple-choice",
  prompt: "p",
  options: ["a", "b", "c", "d"].map((id) => ({ id, text: id, correct: id === "a", why: "w" })),
};
const multiple: Question = {
  ...single,
  options: single.options.map((o) => ({ ...o, correct: o.id !== "d" })),
} as Question;
const twoBlanks: Question = {
  ...base,
  id: "f",
  type: "fill-in",
  prompt: "___ ___",
  blanks: [{ accept: ["x"], values: {} }, { accept: ["y"], values: {} }],
  unordered: [],
};

describe("answers against their question", () => {
  it("accepts answers that fit", () => {
    expect(answerProblem(single, { type: "multiple-choice", selected: ["d"] })).toBeNull();
    expect(answerProblem(single, { type: "multiple-choice", selected: [] })).toBeNull();
    expect(answerProblem(multiple, { type: "multiple-choice", selected: ["a", "c"] })).toBeNull();
    expect(answerProblem(twoBlanks, { type: "fill-in", blanks: ["", "y"] })).toBeNull();
  });
  it("names what does not fit", () => {
    expect(answerProblem(single, { type: "multiple-choice", selected: ["z"] })?.code).toBe("unknown-option");
    expect(answerProblem(single, { type: "multiple-choice", selected: ["a", "b"] })?.code).toBe(
      "too-many-options",
    );
    expect(answerProblem(multiple, { type: "multiple-choice", selected: ["a", "a"] })?.code).toBe(
      "repeated-option",
    );
    expect(answerProblem(twoBlanks, { type: "fill-in", blanks: ["x"] })?.code).toBe("blank-count");
    expect(answerProblem(twoBlanks, { type: "fill-in", blanks: ["x", "y", "z"] })?.code).toBe("blank-count");
    expect(answerProblem(twoBlanks, { type: "true-false", value: true })?.code).toBe("wrong-type");
    expect(() => assertAnswerFits(single, { type: "multiple-choice", selected: ["z"] })).toThrow(
      AnswerValidationError,
    );
  });
});
