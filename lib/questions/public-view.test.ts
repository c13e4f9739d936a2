import { describe, expect, it } from "vitest";
import { toPublicQuestion, shuffled, type PublicQuestion } from "./public-view";
import { QuestionSchema, type MultipleChoiceQuestion, type Question } from "./schema";

// Every secret below is a distinctive string that must never reach the browser.
const base = {
  section: "fixture",
  explanation: "SECRET-EXPLANATION-zebra",
  debatable: "SECRET-DEBATABLE-walrus",
};

const fillIn = QuestionSchema.parse({
  ...base,
  id: "pv-fill-in",
  type: "fill-in",
  prompt: "Docker first sends ___ and later ___.",
  hint: "Think about signals.",
  blanks: [
    { accept: ["SECRET-ACCEPT-quokka", "SECRET-ACCEPT-okapi"] },
    { accept: ["SECRET-ACCEPT-narwhal"] },
  ],
  unordered: [[0, 1]],
});

const trueFalse = QuestionSchema.parse({
  ...base,
  id: "pv-true-false",
  type: "true-false",
  statement: "Containers share the host kernel.",
  hint: "Think about namespaces.",
  answer: true,
});

const falseStatement = QuestionSchema.parse({
  ...base,
  id: "pv-true-false-no",
  type: "true-false",
  statement: "Containers each boot a kernel.",
  answer: false,
});

const singleChoice = QuestionSchema.parse({
  ...base,
  id: "pv-single-choice",
  type: "multiple-choice",
  prompt: "Which signal can be caught?",
  hint: "Not the one that kills outright.",
  options: [
    { id: "a", text: "Option text a", correct: true, why: "SECRET-WHY-axolotl" },
    { id: "b", text: "Option text b", why: "SECRET-WHY-pangolin" },
    { id: "c", text: "Option text c", why: "SECRET-WHY-tapir" },
    { id: "d", text: "Option text d", why: "SECRET-WHY-capybara" },
  ],
});

const severalChoice = QuestionSchema.parse({
  ...base,
  id: "pv-several-choice",
  type: "multiple-choice",
  prompt: "Which are streams?",
  options: [
    { id: "a", text: "Stream text a", correct: true, why: "SECRET-WHY-ibex" },
    { id: "b", text: "Stream text b", why: "SECRET-WHY-gecko" },
    { id: "c", text: "Stream text c", correct: true, why: "SECRET-WHY-lemur" },
    { id: "d", text: "Stream text d", why: "SECRET-WHY-marmot" },
    { id: "e", text: "Stream text e", why: "SECRET-WHY-bison" },
  ],
});

const interview = QuestionSchema.parse({
  ...base,
  id: "pv-interview",
  type: "interview",
  prompt: "Explain a graceful shutdown.",
  hint: "SECRET-HINT-NOT-SHOWN-FOR-INTERVIEW-yak",
  modelAnswer: "SECRET-MODEL-ANSWER-heron",
  rubric: [
    { id: "signal", point: "SECRET-POINT-ferret", weight: 2, phrases: ["SECRET-PHRASE-otter"] },
    {
      id: "drain",
      point: "SECRET-POINT-badger",
      weight: 1,
      phrases: ["SECRET-PHRASE-mink", "SECRET-PHRASE-stoat"],
    },
    { id: "exit", point: "SECRET-POINT-weasel", weight: 1, phrases: ["SECRET-PHRASE-vole"] },
  ],
});

const all: Question[] = [fillIn, trueFalse, falseStatement, singleChoice, severalChoice, interview];

const FORBIDDEN_KEYS = [
  "correct",
  "why",
  "answer",
  "rubric",
  "modelAnswer",
  "explanation",
  "accept",
  "blanks",
  "unordered",
  "debatable",
  "phrases",
  "point",
  "weight",
  "section",
  "origin",
];

function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
  }
  return [];
}

describe("toPublicQuestion: no key leaks", () => {
  it.each(all.map((question) => [question.id, question] as const))(
    "%s leaks no secret text",
    (_id, question) => {
      for (const seed of [0, 1, 42, 0xffffffff]) {
        const json = JSON.stringify(toPublicQuestion(question, seed));
        expect(json).not.toContain("SECRET");
        for (const key of FORBIDDEN_KEYS) expect(json).not.toContain(`"${key}"`);
        expect(allKeys(JSON.parse(json)).filter((key) => FORBIDDEN_KEYS.includes(key))).toEqual([]);
      }
    },
  );

  it("keeps none of the fill-in accepted answers, even case-insensitively", () => {
    const json = JSON.stringify(toPublicQuestion(fillIn, 7)).toLowerCase();
    for (const accepted of ["quokka", "okapi", "narwhal"]) expect(json).not.toContain(accepted);
  });

  it("keeps none of the multiple-choice whys", () => {
    for (const question of [singleChoice, severalChoice]) {
      const json = JSON.stringify(toPublicQuestion(question, 3));
      if (question.type !== "multiple-choice") throw new Error("unreachable");
      for (const option of question.options) expect(json).not.toContain(option.why);
    }
  });

  it("does not reveal the true-false answer", () => {
    const keysOf = (view: PublicQuestion) =>
      Object.keys(view)
        .filter((key) => view[key as keyof PublicQuestion] !== undefined)
        .sort();
    // A true and a false question show the same fields; neither has an answer.
    expect(keysOf(toPublicQuestion(trueFalse, 1))).toEqual(["hint", "id", "statement", "type"]);
    expect(keysOf(toPublicQuestion(falseStatement, 1))).toEqual(["id", "statement", "type"]);
    // No boolean anywhere in the view (the type name "true-false" is a string, not a value).
    expect(JSON.stringify(toPublicQuestion(falseStatement, 1))).not.toMatch(/:(true|false)\b/);
    expect(JSON.stringify(toPublicQuestion(trueFalse, 1))).not.toMatch(/:(true|false)\b/);
  });

  it("exposes only the public fields of each type", () => {
    expect(toPublicQuestion(fillIn, 1)).toEqual({
      id: "pv-fill-in",
      type: "fill-in",
      prompt: "Docker first sends ___ and later ___.",
      blankCount: 2,
      hint: "Think about signals.",
    });
    expect(toPublicQuestion(trueFalse, 1)).toEqual({
      id: "pv-true-false",
      type: "true-false",
      statement: "Containers share the host kernel.",
      hint: "Think about namespaces.",
    });
    expect(toPublicQuestion(interview, 1)).toEqual({
      id: "pv-interview",
      type: "interview",
      prompt: "Explain a graceful shutdown.",
    });

    const choice = toPublicQuestion(singleChoice, 1);
    if (choice.type !== "multiple-choice") throw new Error("wrong type");
    expect(Object.keys(choice).sort()).toEqual(["hint", "id", "multiple", "options", "prompt", "type"]);
    for (const option of choice.options) expect(Object.keys(option).sort()).toEqual(["id", "text"]);
  });
});

describe("toPublicQuestion: multiple-choice options", () => {
  function publicOptions(question: Question, seed: number) {
    const view = toPublicQuestion(question, seed);
    if (view.type !== "multiple-choice") throw new Error("not a multiple-choice question");
    return view.options;
  }
  const original = (question: MultipleChoiceQuestion) =>
    question.options.map(({ id, text }) => ({ id, text }));
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

  it("shows a permutation of the original options, with texts still paired to their ids", () => {
    if (severalChoice.type !== "multiple-choice") throw new Error("unreachable");
    for (let seed = 0; seed < 50; seed += 1) {
      const options = publicOptions(severalChoice, seed);
      expect(options).toHaveLength(severalChoice.options.length);
      expect([...options].sort(byId)).toEqual(original(severalChoice));
    }
  });

  it("gives the same order for the same seed", () => {
    for (const seed of [0, 1, 2, 99, 123456789]) {
      expect(publicOptions(severalChoice, seed)).toEqual(publicOptions(severalChoice, seed));
    }
  });

  it("usually gives different orders for different seeds", () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed += 1) {
      orders.add(
        publicOptions(severalChoice, seed)
          .map((option) => option.id)
          .join(""),
      );
    }
    expect(orders.size).toBeGreaterThanOrEqual(2);
  });

  it("does not always leave the options in their authored order", () => {
    let unchanged = 0;
    for (let seed = 0; seed < 40; seed += 1) {
      if (
        publicOptions(singleChoice, seed)
          .map((option) => option.id)
          .join("") === "abcd"
      )
        unchanged += 1;
    }
    expect(unchanged).toBeLessThan(20);
  });

  it("puts every option first for some seed (the right answer is not stuck in one place)", () => {
    const firsts = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) firsts.add(publicOptions(singleChoice, seed)[0]!.id);
    expect([...firsts].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("shuffles two questions differently under one attempt seed", () => {
    const sameTexts = (id: string) => QuestionSchema.parse({ ...singleChoice, id });
    let differs = false;
    for (let seed = 0; seed < 20 && !differs; seed += 1) {
      const a = publicOptions(sameTexts("pv-one"), seed)
        .map((option) => option.id)
        .join("");
      const b = publicOptions(sameTexts("pv-two"), seed)
        .map((option) => option.id)
        .join("");
      differs = a !== b;
    }
    expect(differs).toBe(true);
  });

  it("does not reorder the question's own options", () => {
    if (severalChoice.type !== "multiple-choice") throw new Error("unreachable");
    const before = structuredClone(severalChoice.options);
    for (let seed = 0; seed < 10; seed += 1) toPublicQuestion(severalChoice, seed);
    expect(severalChoice.options).toEqual(before);
  });

  it("marks `multiple` only when several options are correct", () => {
    const single = toPublicQuestion(singleChoice, 1);
    const several = toPublicQuestion(severalChoice, 1);
    if (single.type !== "multiple-choice" || several.type !== "multiple-choice")
      throw new Error("unreachable");
    expect(single.multiple).toBe(false);
    expect(several.multiple).toBe(true);
  });

  it("marks `multiple` when every option is correct", () => {
    const allRight = QuestionSchema.parse({
      ...base,
      id: "pv-all-right",
      type: "multiple-choice",
      prompt: "All of these?",
      options: ["a", "b", "c"].map((id) => ({ id, text: `t ${id}`, correct: true, why: `w ${id}` })),
    });
    const view = toPublicQuestion(allRight, 5);
    if (view.type !== "multiple-choice") throw new Error("unreachable");
    expect(view.multiple).toBe(true);
  });
});

describe("shuffled", () => {
  it("does not mutate its input", () => {
    const input = Object.freeze(["a", "b", "c", "d", "e"]);
    const copy = [...input];
    for (let seed = 0; seed < 10; seed += 1) {
      const output = shuffled(input, seed, "salt");
      expect(output).not.toBe(input);
    }
    expect(input).toEqual(copy);
  });

  it("returns a permutation", () => {
    const input = [1, 2, 3, 4, 5, 6];
    for (let seed = 0; seed < 30; seed += 1) {
      const output = shuffled(input, seed, "salt");
      expect([...output].sort((a, b) => a - b)).toEqual(input);
    }
  });

  it("is deterministic for the same seed and salt", () => {
    const input = ["a", "b", "c", "d", "e", "f"];
    expect(shuffled(input, 17, "q-1")).toEqual(shuffled(input, 17, "q-1"));
  });

  it("depends on the seed and on the salt", () => {
    const input = ["a", "b", "c", "d", "e", "f"];
    const bySeed = new Set<string>();
    const bySalt = new Set<string>();
    for (let index = 0; index < 20; index += 1) {
      bySeed.add(shuffled(input, index, "q-1").join(""));
      bySalt.add(shuffled(input, 17, `q-${index}`).join(""));
    }
    expect(bySeed.size).toBeGreaterThanOrEqual(2);
    expect(bySalt.size).toBeGreaterThanOrEqual(2);
  });

  it("handles empty and one-item lists", () => {
    expect(shuffled([], 3, "s")).toEqual([]);
    expect(shuffled(["only"], 3, "s")).toEqual(["only"]);
  });

  it("keeps the very same items, each once", () => {
    const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const output = shuffled(items, 1, "s");
    // Same objects (a shallow copy), every one present once.
    expect(new Set(output)).toEqual(new Set(items));
  });
});
