import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { hintProblems } from "./hint-check";
import { QuizFileSchema } from "./schema";

// Practice mode shows a hint before the key (issue 11), so every question in the bank needs one,
// and none may give its answer away (lib/questions/hint-check.ts says what that means).
const dir = path.join(process.cwd(), "content", "questions");
const questions = readdirSync(dir)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .flatMap((name) => QuizFileSchema.parse(parse(readFileSync(path.join(dir, name), "utf8"))).questions);

describe("question hints", () => {
  it("cover the whole bank", () => {
    expect(questions.length).toBeGreaterThanOrEqual(114);
    expect(questions.filter((question) => !question.hint).map((question) => question.id)).toEqual([]);
  });

  it.each(questions.map((question) => [question.id, question] as const))(
    "%s has a hint that does not give the answer away",
    (_id, question) => {
      expect(hintProblems(question)).toEqual([]);
    },
  );

  it("are not copies of one another", () => {
    const hints = questions.map((question) => question.hint?.trim().toLowerCase());
    expect(new Set(hints).size).toBe(hints.length);
  });
});
