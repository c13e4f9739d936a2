import {
  FillInSchema,
  MultipleChoiceSchema,
  TrueFalseSchema,
  type FillInQuestion,
  type MultipleChoiceQuestion,
  type TrueFalseQuestion,
} from "@/lib/questions/schema";

/** Small questions for lib/analytics tests, built through the real schema so defaults apply. */
export function fillInQuestion(accepts: string[][], unordered: number[][] = []): FillInQuestion {
  return FillInSchema.parse({
    id: "fill-fixture",
    section: "fixture",
    type: "fill-in",
    explanation: "Fixture.",
    prompt: accepts.map((_, index) => `Blank ${index}: ___`).join(" "),
    blanks: accepts.map((accept) => ({ accept })),
    unordered,
  });
}

export function trueFalseQuestion(answer: boolean): TrueFalseQuestion {
  return TrueFalseSchema.parse({
    id: "tf-fixture",
    section: "fixture",
    type: "true-false",
    explanation: "Fixture.",
    statement: "Containers restart by themselves.",
    answer,
  });
}

/** Options a, b, c, d; `correct` lists the right ones. */
export function multipleChoiceQuestion(correct: string[]): MultipleChoiceQuestion {
  return MultipleChoiceSchema.parse({
    id: "mc-fixture",
    section: "fixture",
    type: "multiple-choice",
    explanation: "Fixture.",
    prompt: "Pick.",
    options: ["a", "b", "c", "d"].map((id) => ({
      id,
      text: `Option ${id.toUpperCase()}`,
      ...(correct.includes(id) ? { correct: true } : {}),
      why: `Why ${id}`,
    })),
  });
}
