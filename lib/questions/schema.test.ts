import { describe, expect, it } from "vitest";
import { QuizFileSchema } from "./schema";

const base = { section: "health-checks", explanation: "Because." };

function fillIn(overrides: Record<string, unknown> = {}) {
  return {
    ...base,
    id: "signals-blank",
    type: "fill-in",
    prompt: "Docker sends ___ and then ___.",
    blanks: [{ accept: ["SIGTERM"] }, { accept: ["SIGKILL"] }],
    ...overrides,
  };
}

function trueFalse(overrides: Record<string, unknown> = {}) {
  return {
    ...base,
    id: "kernel-shared",
    type: "true-false",
    statement: "Containers share a kernel.",
    answer: true,
    ...overrides,
  };
}

function multipleChoice(overrides: Record<string, unknown> = {}) {
  return {
    ...base,
    id: "pick-signal",
    type: "multiple-choice",
    prompt: "Which can be caught?",
    options: [
      { id: "a", text: "SIGTERM", correct: true, why: "Catchable." },
      { id: "b", text: "SIGKILL", why: "Not catchable." },
      { id: "c", text: "SIGSTOP", why: "Not catchable." },
    ],
    ...overrides,
  };
}

const rubricPoint = (id: string) => ({ id, point: `Point ${id}`, weight: 1, phrases: [id] });

function interview(overrides: Record<string, unknown> = {}) {
  return {
    ...base,
    id: "graceful-shutdown",
    type: "interview",
    prompt: "Explain a graceful shutdown.",
    modelAnswer: "Catch SIGTERM, drain, exit.",
    rubric: [rubricPoint("signal"), rubricPoint("drain"), rubricPoint("exit")],
    ...overrides,
  };
}

function quiz(questions: unknown[], overrides: Record<string, unknown> = {}) {
  return { lesson: "health-checks", title: "Health checks", questions, ...overrides };
}

/** Parses, expects failure, and returns the issue paths (joined with dots) for checking where it failed. */
function failurePaths(input: unknown): string[] {
  const result = QuizFileSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("QuizFileSchema: a valid file", () => {
  it("accepts a file with all four question types", () => {
    const result = QuizFileSchema.safeParse(quiz([fillIn(), trueFalse(), multipleChoice(), interview()]));
    expect(result.error).toBeUndefined();
    expect(result.data?.questions.map((question) => question.type)).toEqual([
      "fill-in",
      "true-false",
      "multiple-choice",
      "interview",
    ]);
  });

  it("applies defaults: origin, unordered groups and option correctness", () => {
    const parsed = QuizFileSchema.parse(quiz([fillIn(), multipleChoice()]));
    const [blank, choice] = parsed.questions;
    expect(blank?.origin).toBe("shipshape");
    expect(blank?.type === "fill-in" && blank.unordered).toEqual([]);
    if (choice?.type !== "multiple-choice") throw new Error("expected a multiple-choice question");
    expect(choice.options.map((option) => option.correct)).toEqual([true, false, false]);
  });

  it("keeps an explicit origin and optional fields", () => {
    const parsed = QuizFileSchema.parse(
      quiz([trueFalse({ origin: "chapter", hint: "Think.", debatable: "Maybe." })]),
    );
    expect(parsed.questions[0]).toMatchObject({ origin: "chapter", hint: "Think.", debatable: "Maybe." });
  });

  it("trims text fields", () => {
    const parsed = QuizFileSchema.parse(
      quiz([trueFalse({ statement: "  Padded.  " })], { title: "  Title " }),
    );
    expect(parsed.title).toBe("Title");
    expect(parsed.questions[0]?.type === "true-false" && parsed.questions[0].statement).toBe("Padded.");
  });

  it("accepts a valid unordered group, several correct options, and six options", () => {
    const result = QuizFileSchema.safeParse(
      quiz([
        fillIn({ unordered: [[0, 1]] }),
        multipleChoice({
          options: ["a", "b", "c", "d", "e", "f"].map((id, index) => ({
            id,
            text: `t${id}`,
            correct: index < 2,
            why: "w",
          })),
        }),
      ]),
    );
    expect(result.error).toBeUndefined();
  });
});

describe("QuizFileSchema: fill-in", () => {
  it("rejects a prompt with fewer ___ than blanks", () => {
    expect(failurePaths(quiz([fillIn({ prompt: "Docker sends ___ then stops." })]))).toContain(
      "questions.0.prompt",
    );
  });

  it("rejects a prompt with more ___ than blanks", () => {
    expect(failurePaths(quiz([fillIn({ prompt: "___ then ___ then ___." })]))).toContain(
      "questions.0.prompt",
    );
  });

  it("rejects a prompt without any ___", () => {
    expect(failurePaths(quiz([fillIn({ prompt: "No blanks here." })]))).toContain("questions.0.prompt");
  });

  it("accepts blanks that sit at the very start and end of the prompt", () => {
    expect(QuizFileSchema.safeParse(quiz([fillIn({ prompt: "___ comes before ___" })])).success).toBe(true);
  });

  it("rejects an unordered group naming a missing blank", () => {
    expect(failurePaths(quiz([fillIn({ unordered: [[0, 2]] })]))).toContain("questions.0.unordered");
    expect(failurePaths(quiz([fillIn({ unordered: [[1, 5]] })]))).toContain("questions.0.unordered");
  });

  it("rejects an unordered group with fewer than two blanks or a negative index", () => {
    expect(QuizFileSchema.safeParse(quiz([fillIn({ unordered: [[0]] })])).success).toBe(false);
    expect(QuizFileSchema.safeParse(quiz([fillIn({ unordered: [[-1, 0]] })])).success).toBe(false);
  });

  it("rejects a blank with no accepted answers, or an empty one", () => {
    expect(
      QuizFileSchema.safeParse(quiz([fillIn({ blanks: [{ accept: [] }, { accept: ["x"] }] })])).success,
    ).toBe(false);
    expect(
      QuizFileSchema.safeParse(quiz([fillIn({ blanks: [{ accept: ["  "] }, { accept: ["x"] }] })])).success,
    ).toBe(false);
  });
});

describe("QuizFileSchema: multiple choice", () => {
  it("rejects a question with no correct option", () => {
    const options = [
      { id: "a", text: "A", why: "w" },
      { id: "b", text: "B", correct: false, why: "w" },
      { id: "c", text: "C", why: "w" },
    ];
    expect(failurePaths(quiz([multipleChoice({ options })]))).toContain("questions.0.options");
  });

  it("rejects repeated option ids", () => {
    const options = [
      { id: "a", text: "A", correct: true, why: "w" },
      { id: "b", text: "B", why: "w" },
      { id: "a", text: "C", why: "w" },
    ];
    expect(failurePaths(quiz([multipleChoice({ options })]))).toContain("questions.0.options");
  });

  it("rejects fewer than three options", () => {
    const options = [
      { id: "a", text: "A", correct: true, why: "w" },
      { id: "b", text: "B", why: "w" },
    ];
    expect(failurePaths(quiz([multipleChoice({ options })]))).toContain("questions.0.options");
  });

  it("rejects more than six options", () => {
    const options = ["a", "b", "c", "d", "e", "f", "g"].map((id) => ({
      id,
      text: id,
      correct: id === "a",
      why: "w",
    }));
    expect(QuizFileSchema.safeParse(quiz([multipleChoice({ options })])).success).toBe(false);
  });

  it.each(["A", "ab", "1", ""])("rejects the option id %j", (id) => {
    const options = [
      { id, text: "A", correct: true, why: "w" },
      { id: "b", text: "B", why: "w" },
      { id: "c", text: "C", why: "w" },
    ];
    expect(QuizFileSchema.safeParse(quiz([multipleChoice({ options })])).success).toBe(false);
  });

  it("rejects an option without a why", () => {
    const options = [
      { id: "a", text: "A", correct: true },
      { id: "b", text: "B", why: "w" },
      { id: "c", text: "C", why: "w" },
    ];
    expect(QuizFileSchema.safeParse(quiz([multipleChoice({ options })])).success).toBe(false);
  });
});

describe("QuizFileSchema: interview", () => {
  it("rejects fewer than three rubric points", () => {
    const paths = failurePaths(quiz([interview({ rubric: [rubricPoint("signal"), rubricPoint("drain")] })]));
    expect(paths).toContain("questions.0.rubric");
  });

  it("accepts exactly three rubric points and more", () => {
    const four = [rubricPoint("signal"), rubricPoint("drain"), rubricPoint("exit"), rubricPoint("logs")];
    expect(QuizFileSchema.safeParse(quiz([interview({ rubric: four })])).success).toBe(true);
  });

  it("rejects a rubric point with no phrases or a weight out of range", () => {
    const bad = (point: Record<string, unknown>) =>
      QuizFileSchema.safeParse(
        quiz([
          interview({
            rubric: [{ ...rubricPoint("signal"), ...point }, rubricPoint("drain"), rubricPoint("exit")],
          }),
        ]),
      ).success;
    expect(bad({ phrases: [] })).toBe(false);
    expect(bad({ weight: 0 })).toBe(false);
    expect(bad({ weight: -1 })).toBe(false);
    expect(bad({ weight: 11 })).toBe(false);
    expect(bad({ weight: 10 })).toBe(true);
  });

  it("rejects an interview without a model answer", () => {
    expect(QuizFileSchema.safeParse(quiz([interview({ modelAnswer: undefined })])).success).toBe(false);
  });
});

describe("QuizFileSchema: ids", () => {
  it.each([
    "Signals",
    "signals_blank",
    "signals blank",
    "-signals",
    "signals-",
    "signals--blank",
    "sígnals",
    "",
  ])("rejects the question id %j", (id) => {
    expect(failurePaths(quiz([trueFalse({ id })]))).toContain("questions.0.id");
  });

  it.each(["signals", "signals-blank", "step-2-check", "a", "42"])("accepts the question id %j", (id) => {
    expect(QuizFileSchema.safeParse(quiz([trueFalse({ id })])).success).toBe(true);
  });

  it("rejects a lesson slug, section or rubric id that is not kebab-case", () => {
    expect(failurePaths(quiz([trueFalse()], { lesson: "Health_Checks" }))).toContain("lesson");
    expect(failurePaths(quiz([trueFalse({ section: "Health Checks" })]))).toContain("questions.0.section");
    const rubric = [rubricPoint("signal"), rubricPoint("drain"), { ...rubricPoint("exit"), id: "Exit" }];
    expect(failurePaths(quiz([interview({ rubric })]))).toContain("questions.0.rubric.2.id");
  });
});

describe("QuizFileSchema: file shape", () => {
  it("rejects unknown top-level keys", () => {
    expect(failurePaths(quiz([trueFalse()], { answers: { "kernel-shared": true } }))).toEqual([""]);
    expect(QuizFileSchema.safeParse(quiz([trueFalse()], { extra: 1 })).success).toBe(false);
  });

  it("rejects an unknown question type", () => {
    expect(
      QuizFileSchema.safeParse(quiz([{ ...base, id: "essay-one", type: "essay", prompt: "Write." }])).success,
    ).toBe(false);
  });

  it("rejects a file without questions, title or lesson", () => {
    expect(QuizFileSchema.safeParse(quiz([])).success).toBe(false);
    expect(QuizFileSchema.safeParse({ lesson: "health-checks", questions: [trueFalse()] }).success).toBe(
      false,
    );
    expect(QuizFileSchema.safeParse({ title: "T", questions: [trueFalse()] }).success).toBe(false);
  });

  it("rejects a question missing its explanation", () => {
    expect(QuizFileSchema.safeParse(quiz([trueFalse({ explanation: undefined })])).success).toBe(false);
    expect(QuizFileSchema.safeParse(quiz([trueFalse({ explanation: "   " })])).success).toBe(false);
  });
});
