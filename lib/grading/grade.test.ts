import { describe, expect, it } from "vitest";
import { QuestionSchema, type Question } from "@/lib/questions/schema";
import { AnswerSchema, type Answer } from "./answer-schema";
import { AnswerTypeMismatch, gradeAnswer } from "./grade";

const base = { section: "fixture", explanation: "Fixture explanation." };

const fillIn = QuestionSchema.parse({
  ...base,
  id: "q-fill-in",
  type: "fill-in",
  prompt: "Docker sends ___ then ___.",
  blanks: [{ accept: ["SIGTERM"] }, { accept: ["SIGKILL"] }],
});

const trueFalse = QuestionSchema.parse({
  ...base,
  id: "q-true-false",
  type: "true-false",
  statement: "Containers share the host kernel.",
  answer: true,
});

const multipleChoice = QuestionSchema.parse({
  ...base,
  id: "q-multiple-choice",
  type: "multiple-choice",
  prompt: "Which are signals?",
  options: [
    { id: "a", text: "SIGTERM", correct: true, why: "A signal." },
    { id: "b", text: "SIGKILL", correct: true, why: "A signal." },
    { id: "c", text: "stdout", why: "A stream." },
  ],
});

const interview = QuestionSchema.parse({
  ...base,
  id: "q-interview",
  type: "interview",
  prompt: "Explain graceful shutdown.",
  modelAnswer: "Catch SIGTERM, drain, exit.",
  rubric: [
    { id: "signal", point: "Handles SIGTERM", weight: 1, phrases: ["SIGTERM"] },
    { id: "drain", point: "Drains connections", weight: 1, phrases: ["drain"] },
    { id: "exit", point: "Exits", weight: 2, phrases: ["exit"] },
  ],
});

const questions: Question[] = [fillIn, trueFalse, multipleChoice, interview];

const rightAnswers: Record<Question["type"], Answer> = {
  "fill-in": { type: "fill-in", blanks: ["sigterm", "sigkill"] },
  "true-false": { type: "true-false", value: true },
  "multiple-choice": { type: "multiple-choice", selected: ["a", "b"] },
  interview: { type: "interview", text: "I catch SIGTERM, drain, then exit." },
};

describe("gradeAnswer: dispatch", () => {
  it("grades a fill-in answer with the fill-in grader", () => {
    const result = gradeAnswer(fillIn, { type: "fill-in", blanks: ["SIGTERM", "nope"] });
    expect(result.type).toBe("fill-in");
    expect(result.score).toBe(0.5);
    if (result.type !== "fill-in") throw new Error("unreachable");
    expect(result.detail.blanks.map((blank) => blank.correct)).toEqual([true, false]);
    expect(result.detail.score).toBe(result.score);
  });

  it("grades a true-false answer with the true-false grader", () => {
    const right = gradeAnswer(trueFalse, { type: "true-false", value: true });
    expect(right).toEqual({ type: "true-false", score: 1, detail: { score: 1, given: true, answer: true } });
    const wrong = gradeAnswer(trueFalse, { type: "true-false", value: false });
    expect(wrong.score).toBe(0);
  });

  it("grades a multiple-choice answer with the multiple-choice grader", () => {
    const result = gradeAnswer(multipleChoice, { type: "multiple-choice", selected: ["a"] });
    expect(result.type).toBe("multiple-choice");
    expect(result.score).toBe(0.5);
    if (result.type !== "multiple-choice") throw new Error("unreachable");
    expect(result.detail.correctIds).toEqual(["a", "b"]);
    expect(result.detail.options.find((option) => option.id === "a")?.selected).toBe(true);
  });

  it("grades an interview answer with the interview grader", () => {
    const result = gradeAnswer(interview, { type: "interview", text: "Then exit cleanly." });
    expect(result.type).toBe("interview");
    expect(result.score).toBeCloseTo(0.5, 10);
    if (result.type !== "interview") throw new Error("unreachable");
    expect(result.detail.points.map((point) => point.covered)).toEqual([false, false, true]);
    expect(result.detail.modelAnswer).toBe("Catch SIGTERM, drain, exit.");
  });

  it.each(questions.map((question) => [question.type, question] as const))(
    "scores a full right %s answer as 1",
    (type, question) => {
      const result = gradeAnswer(question, rightAnswers[type]);
      expect(result.type).toBe(type);
      expect(result.score).toBe(1);
      expect(result.detail.score).toBe(1);
    },
  );
});

describe("gradeAnswer: missing answers", () => {
  it.each(questions.map((question) => [question.type, question] as const))(
    "scores a missing (null) %s answer as 0",
    (type, question) => {
      const result = gradeAnswer(question, null);
      expect(result.type).toBe(type);
      expect(result.score).toBe(0);
      expect(result.detail.score).toBe(0);
    },
  );

  it("still explains a missing fill-in answer blank by blank", () => {
    const result = gradeAnswer(fillIn, null);
    if (result.type !== "fill-in") throw new Error("unreachable");
    expect(result.detail.blanks).toEqual([
      { given: "", correct: false, nearMiss: false, expected: "SIGTERM" },
      { given: "", correct: false, nearMiss: false, expected: "SIGKILL" },
    ]);
  });

  it("reports a missing true-false answer as not given", () => {
    const result = gradeAnswer(trueFalse, null);
    if (result.type !== "true-false") throw new Error("unreachable");
    expect(result.detail.given).toBeNull();
  });

  it("reports a missing multiple-choice answer with nothing selected", () => {
    const result = gradeAnswer(multipleChoice, null);
    if (result.type !== "multiple-choice") throw new Error("unreachable");
    expect(result.detail.options.every((option) => !option.selected)).toBe(true);
  });
});

describe("gradeAnswer: type mismatch", () => {
  const answerTypes = Object.keys(rightAnswers) as Array<Question["type"]>;
  const mismatches = questions.flatMap((question) =>
    answerTypes
      .filter((type) => type !== question.type)
      .map((type) => [question.type, type, question] as const),
  );

  it.each(mismatches)(
    "throws AnswerTypeMismatch for a %s question given a %s answer",
    (_questionType, answerType, question) => {
      expect(() => gradeAnswer(question, rightAnswers[answerType])).toThrow(AnswerTypeMismatch);
    },
  );

  it("names the question and both types in the error", () => {
    let caught: unknown;
    try {
      gradeAnswer(trueFalse, { type: "interview", text: "true" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnswerTypeMismatch);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as Error;
    expect(error.name).toBe("AnswerTypeMismatch");
    expect(error.message).toContain("q-true-false");
    expect(error.message).toContain("true-false");
    expect(error.message).toContain("interview");
  });
});

describe("AnswerSchema", () => {
  it.each([
    { type: "fill-in", blanks: [] },
    { type: "fill-in", blanks: ["SIGTERM", ""] },
    { type: "fill-in", blanks: ["x".repeat(200)] },
    { type: "fill-in", blanks: ["a", "b", "c", "d", "e", "f"] },
    { type: "true-false", value: true },
    { type: "true-false", value: false },
    { type: "multiple-choice", selected: [] },
    { type: "multiple-choice", selected: ["a", "f", "z"] },
    { type: "interview", text: "" },
    { type: "interview", text: "x".repeat(6000) },
  ])("accepts %j", (answer) => {
    expect(AnswerSchema.safeParse(answer).success).toBe(true);
  });

  it("returns the parsed answer unchanged", () => {
    const answer = { type: "multiple-choice", selected: ["b", "a"] };
    expect(AnswerSchema.parse(answer)).toEqual(answer);
  });

  it.each([
    ["an unknown type", { type: "essay", text: "hi" }],
    ["a missing type", { blanks: ["a"] }],
    ["null", null],
    ["a string", "fill-in"],
    ["a blank over 200 characters", { type: "fill-in", blanks: ["x".repeat(201)] }],
    ["more than six blanks", { type: "fill-in", blanks: ["a", "b", "c", "d", "e", "f", "g"] }],
    ["blanks that are not strings", { type: "fill-in", blanks: [1] }],
    ["blanks that are not an array", { type: "fill-in", blanks: "SIGTERM" }],
    ["a true-false value that is a string", { type: "true-false", value: "true" }],
    ["a true-false value that is null", { type: "true-false", value: null }],
    ["a two-letter option id", { type: "multiple-choice", selected: ["ab"] }],
    ["an upper-case option id", { type: "multiple-choice", selected: ["A"] }],
    ["a digit option id", { type: "multiple-choice", selected: ["1"] }],
    ["an empty option id", { type: "multiple-choice", selected: [""] }],
    ["an option id with a newline", { type: "multiple-choice", selected: ["a\n"] }],
    ["more than six selections", { type: "multiple-choice", selected: ["a", "b", "c", "d", "e", "f", "g"] }],
    ["interview text over 6000 characters", { type: "interview", text: "x".repeat(6001) }],
    ["interview text that is not a string", { type: "interview", text: 42 }],
    ["fields of another type", { type: "interview", blanks: ["a"] }],
  ])("rejects %s", (_label, answer) => {
    expect(AnswerSchema.safeParse(answer).success).toBe(false);
  });
});
