import type { Question } from "./schema";

/** A question as the browser may see it before the learner submits: no answers, no explanations. */
export type PublicQuestion =
  | { id: string; type: "fill-in"; prompt: string; blankCount: number; hint?: string }
  | { id: string; type: "true-false"; statement: string; hint?: string }
  | {
      id: string;
      type: "multiple-choice";
      prompt: string;
      options: Array<{ id: string; text: string }>;
      multiple: boolean;
      hint?: string;
    }
  | { id: string; type: "interview"; prompt: string };

/** mulberry32: a tiny deterministic PRNG, so an attempt shows the same order after a reload. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index += 1)
    value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** Fisher–Yates with a seed per (attempt, question). */
export function shuffled<T>(items: readonly T[], seed: number, salt: string): T[] {
  const next = random(seed ^ hash(salt));
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Strips every key (accepted answers, the true/false answer, which options are
 * correct and why, rubric, model answer, explanation) and shuffles options for this attempt.
 */
export function toPublicQuestion(question: Question, attemptSeed: number): PublicQuestion {
  switch (question.type) {
    case "fill-in":
      return {
        id: question.id,
        type: "fill-in",
        prompt: question.prompt,
        blankCount: question.blanks.length,
        hint: question.hint,
      };
    case "true-false":
      return { id: question.id, type: "true-false", statement: question.statement, hint: question.hint };
    case "multiple-choice":
      return {
        id: question.id,
        type: "multiple-choice",
        prompt: question.prompt,
        options: shuffled(question.options, attemptSeed, question.id).map(({ id, text }) => ({ id, text })),
        multiple: question.options.filter((option) => option.correct).length > 1,
        hint: question.hint,
      };
    case "interview":
      return { id: question.id, type: "interview", prompt: question.prompt };
  }
}
