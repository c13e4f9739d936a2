import type { Question } from "@/lib/questions/schema";
import { unitHash } from "./prng";

/**
 * How hard a question is, on the same scale as a learner's ability (about −2…2).
 * The bank has no difficulty field, so it comes from the question type (true/false
 * is easiest, several blanks hardest) plus a fixed per-question spread.
 */
export function questionDifficulty(question: Question): number {
  const spread = (unitHash(`difficulty:${question.id}`) - 0.5) * 1.6;
  switch (question.type) {
    case "true-false":
      return -0.9 + spread;
    case "multiple-choice":
      return -0.2 + spread + (question.options.filter((option) => option.correct).length > 1 ? 0.4 : 0);
    case "fill-in":
      return 0.2 + spread + 0.15 * (question.blanks.length - 1);
    case "interview":
      return 0.6 + spread;
  }
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The chance of guessing right without knowing: what a blind pick would score. */
function guessFloor(question: Question): number {
  if (question.type === "true-false") return 0.5;
  if (question.type === "multiple-choice") return 1 / question.options.length;
  return 0;
}

/**
 * Questions whose key the bank itself calls debatable are where strong learners
 * argue with the key: their chance of matching it falls as ability rises, which
 * is what gives item analysis a "negative discrimination" flag to show.
 */
export function isContestedKey(question: Question): boolean {
  return (
    question.debatable !== undefined &&
    (question.type === "true-false" || question.type === "multiple-choice")
  );
}

/** Probability that a learner of this ability gets the question (or one blank of it) right. */
export function chanceCorrect(question: Question, ability: number): number {
  if (isContestedKey(question)) return Math.min(0.85, Math.max(0.2, 0.55 - 0.15 * ability));
  const floor = guessFloor(question);
  return floor + (1 - floor) * logistic(1.7 * (ability - questionDifficulty(question)));
}
