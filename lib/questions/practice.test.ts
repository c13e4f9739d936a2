import { describe, expect, it } from "vitest";
import type { Answer } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { FALLBACK_HINT, hintsAfter, hintsOf, PRACTICE_TRIES, practiceFeedback } from "./practice";
import type { Question } from "./schema";

const base = { section: "s", origin: "shipshape" as const, explanation: "EXPLANATION-KEY" };
const fill: Question = {
  ...base,
  id: "f",
  type: "fill-in",
  prompt: "kill -s ___",
  blanks: [{ accept: ["SIGTERM"], values: {} }],
  unordered: [],
  hint: "Think of the polite signal.",
};
const choice: Question = {
  ...base,
  id: "c",
  type: "multiple-choice",
  prompt: "p",
  options: [
    { id: "a", text: "A", correct: true, why: "WHY-A-KEY" },
    { id: "b", text: "B", correct: false, why: "WHY-B-KEY" },
    { id: "c", text: "C", correct: false, why: "WHY-C-KEY" },
  ],
};
const interview: Question = {
  ...base,
  id: "i",
  type: "interview",
  prompt: "p",
  rubric: ["x", "y", "z"].map((id) => ({ id, point: `POINT-${id}`, weight: 1, phrases: [id], synonyms: [], patterns: [], contrary: [] })),
  modelAnswer: "MODEL-ANSWER-KEY",
};

const check = (question: Question, answer: Parameters<typeof gradeAnswer>[1], tries: number, shown = false) =>
  practiceFeedback(question, gradeAnswer(question, answer), "lesson", { tries, shown });

describe("practice feedback", () => {
  it("a wrong check shows right/wrong, the near miss and a hint, and no key", () => {
    const shown = check(fill, { type: "fill-in", blanks: ["SIGTREM"] }, 1);
    expect(shown).toMatchObject({ score: 0, blanks: [{ correct: false, nearMiss: true }], revealed: null });
    expect(shown.hints).toEqual(["Think of the polite signal."]);
    expect(JSON.stringify(shown)).not.toMatch(/SIGTERM|EXPLANATION-KEY/);
  });

  it.each([
    [
      "multiple choice",
      choice,
      { type: "multiple-choice", selected: ["b"] } as Answer,
      /WHY-|"correct":true/,
    ],
    ["interview", interview, { type: "interview", text: "nothing" } as Answer, /MODEL-ANSWER|POINT-/],
  ])("keeps the %s key back until the last try", (_, question, answer, key) => {
    for (let tries = 1; tries < PRACTICE_TRIES; tries += 1)
      expect(JSON.stringify(check(question, answer, tries))).not.toMatch(key);
    expect(JSON.stringify(check(question, answer, PRACTICE_TRIES))).toMatch(key);
  });

  it("gives the next hint each try, then points to the lesson when hints run out", () => {
    expect(hintsAfter(fill, 0)).toEqual([]);
    expect(hintsAfter(fill, 2)).toEqual(["Think of the polite signal.", FALLBACK_HINT]);
    expect(hintsAfter(choice, 1)).toEqual([FALLBACK_HINT]);
    expect(hintsOf({ ...fill, hints: ["second", "Think of the polite signal."] } as Question)).toEqual([
      "Think of the polite signal.",
      "second",
    ]);
  });

  it("shows the key after a right answer or an explicit Show answer", () => {
    expect(check(fill, { type: "fill-in", blanks: ["sigterm"] }, 1).revealed).not.toBeNull();
    const asked = check(choice, null, 0, true);
    expect(asked.shown).toBe(true);
    expect(asked.revealed?.explanation).toBe("EXPLANATION-KEY");
  });
});
