import { beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema } from "@/lib/grading/answer-schema";
import { gradeFillIn } from "@/lib/grading/fill-in";
import { gradeAnswer } from "@/lib/grading/grade";
import { answerKey, isNearMiss } from "@/lib/grading/normalise";
import type { FillInQuestion, Question } from "@/lib/questions/schema";
import { loadQuizFiles } from "../course-content";
import { answerContext, synthesiseAnswer, typoOf } from "./answer";
import { FILL_IN_MISTAKES } from "./fill-in-mistakes";
import { createRng } from "./prng";
import { chanceCorrect, isContestedKey } from "./question-model";

let questions: Question[] = [];
beforeAll(async () => {
  questions = (await loadQuizFiles()).flatMap((quiz) => quiz.questions);
});

function fillIn(id: string): FillInQuestion {
  const question = questions.find((candidate) => candidate.id === id);
  if (question?.type !== "fill-in") throw new Error(`${id} is not a fill-in question`);
  return question;
}

/** Many answers to one question from learners of one ability. */
function answersTo(question: Question, ability: number, count = 400) {
  const rng = createRng(17);
  const context = answerContext(questions);
  return Array.from({ length: count }, () => synthesiseAnswer(question, ability, rng, context));
}

describe("typoOf", () => {
  it("makes near misses the grader recognises, such as a swapped pair in SIGTERM", () => {
    const rng = createRng(3);
    for (let index = 0; index < 50; index += 1) {
      const typo = typoOf("SIGTERM", rng)!;
      expect(typo).not.toBe("SIGTERM");
      expect(isNearMiss(answerKey(typo), answerKey("SIGTERM"))).toBe(true);
    }
  });

  it("declines words too short to misspell recognisably", () => {
    expect(typoOf("le", createRng(1))).toBeNull();
    expect(typoOf("137", createRng(1))).toBeNull();
  });
});

describe("FILL_IN_MISTAKES", () => {
  it("names real fill-in questions, blank for blank", () => {
    for (const [id, blanks] of Object.entries(FILL_IN_MISTAKES)) {
      expect(blanks.length, id).toBe(fillIn(id).blanks.length);
    }
  });

  it("holds only answers the key rejects today (so alternatives are there to be accepted)", () => {
    for (const [id, blanks] of Object.entries(FILL_IN_MISTAKES)) {
      const question = fillIn(id);
      blanks.forEach((blank, index) => {
        for (const wrong of [...blank.misconceptions, ...(blank.alternatives ?? [])]) {
          const given = question.blanks.map((_, position) => (position === index ? wrong : ""));
          expect(gradeFillIn(question, given).blanks[index]!.correct, `${id}[${index}] "${wrong}"`).toBe(
            false,
          );
        }
      });
    }
  });
});

describe("synthesiseAnswer", () => {
  it("answers every question in the bank in the app's answer format, of the question's type", () => {
    for (const question of questions) {
      for (const answer of answersTo(question, 0, 20)) {
        expect(AnswerSchema.parse(answer).type).toBe(question.type);
        expect(() => gradeAnswer(question, answer)).not.toThrow();
      }
    }
  });

  it("gets questions right about as often as the model says", () => {
    const question = questions.find(
      (candidate) => candidate.type === "true-false" && !isContestedKey(candidate),
    )!;
    const right = answersTo(question, 0.5).filter(
      (answer) => gradeAnswer(question, answer).score === 1,
    ).length;
    expect(right / 400).toBeCloseTo(chanceCorrect(question, 0.5), 1);
  });

  it("makes able learners score higher than weak ones on ordinary questions", () => {
    const ordinary = questions.filter(
      (question) => question.type !== "interview" && !isContestedKey(question),
    );
    const mean = (ability: number) =>
      ordinary
        .flatMap((question) =>
          answersTo(question, ability, 40).map((answer) => gradeAnswer(question, answer).score),
        )
        .reduce((sum, score, _, all) => sum + score / all.length, 0);
    expect(mean(1.5)).toBeGreaterThan(mean(-1.5) + 0.3);
  });

  it("makes able learners disagree more often with a key the bank calls debatable", () => {
    const contested = questions.find(isContestedKey)!;
    expect(chanceCorrect(contested, 1.5)).toBeLessThan(chanceCorrect(contested, -1.5));
  });

  it("sends most wrong multiple-choice picks to one plausible distractor rather than spreading them evenly", () => {
    const question = questions.find(
      (candidate) =>
        candidate.type === "multiple-choice" && candidate.options.filter((o) => o.correct).length === 1,
    );
    if (question?.type !== "multiple-choice") throw new Error("the bank has a single-answer question");
    const wrong = answersTo(question, -2, 2_000).flatMap((answer) =>
      answer.type === "multiple-choice" && gradeAnswer(question, answer).score === 0 ? answer.selected : [],
    );
    const counts = new Map<string, number>();
    for (const id of wrong) counts.set(id, (counts.get(id) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(top / wrong.length).toBeGreaterThan(1 / (question.options.length - 1) + 0.1);
  });

  it("gets fill-in blanks wrong with typos, misconceptions, alternative phrasings and empty blanks", () => {
    const question = fillIn("ha-shutdown-signals");
    const wrongBlanks = answersTo(question, -2.5, 1_000).flatMap((answer) => {
      const graded = gradeAnswer(question, answer);
      return graded.type === "fill-in" ? graded.detail.blanks.filter((blank) => !blank.correct) : [];
    });
    const given = new Set(wrongBlanks.map((blank) => blank.given));
    expect(wrongBlanks.some((blank) => blank.nearMiss)).toBe(true);
    expect(given).toContain("");
    expect(given).toContain("SIGKILL");
    expect(given).toContain("Ctrl-C");
  });
});
