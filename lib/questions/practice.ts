import type { GradedAnswer } from "@/lib/grading/grade";
import { feedbackFor, type QuestionFeedback } from "./feedback";
import type { Question } from "./schema";

/**
 * Practice works like Moodle's "interactive with multiple tries": a wrong check
 * says so and gives the next hint; the key (expected answers, reasons, model
 * answer) comes only after a right answer, the last try, or "Show answer".
 */
export const PRACTICE_TRIES = 3;

/** Said after a wrong check when the question has no hint (or all were shown). */
export const FALLBACK_HINT = "Re-read the lesson section linked below, then try again.";

export type PracticeFeedback = {
  kind: "practice";
  questionId: string;
  score: number;
  /** Checks used so far and the number allowed. */
  tries: number;
  maxTries: number;
  /** Fill-in only: which blanks are right and which are close (a typo), never what was expected. */
  blanks: Array<{ correct: boolean; nearMiss: boolean }> | null;
  /** One hint per wrong try so far, in order. */
  hints: string[];
  href: string;
  /** The full feedback with the key, once the question is finished. */
  revealed: QuestionFeedback | null;
  /** True when the learner asked to see the answer (recorded). */
  shown: boolean;
};

/** A question's hints in order: the single `hint` first, then any `hints` list. */
export function hintsOf(question: Question): string[] {
  const list = (question as { hints?: unknown }).hints;
  const more = Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
  return [...(question.hint ? [question.hint] : []), ...more].filter(
    (hint, index, all) => hint.trim() !== "" && all.indexOf(hint) === index,
  );
}

/** Which hints a learner has earned after `wrongTries` wrong checks (at least one hint per wrong try). */
export function hintsAfter(question: Question, wrongTries: number): string[] {
  if (wrongTries <= 0) return [];
  const hints = hintsOf(question);
  const earned = hints.slice(0, wrongTries);
  return earned.length < wrongTries && !earned.includes(FALLBACK_HINT) ? [...earned, FALLBACK_HINT] : earned;
}

/**
 * What one practice check may show. `tries` counts this check; `shown` is an
 * explicit "Show answer". Before the question is finished nothing from the key
 * leaves the server: no expected blanks, no correct options, no reasons, no
 * true/false answer, no rubric or model answer, no explanation.
 */
export function practiceFeedback(
  question: Question,
  graded: GradedAnswer,
  lessonSlug: string,
  state: { tries: number; shown: boolean; givenText?: string },
): PracticeFeedback {
  const full = feedbackFor(question, graded, lessonSlug, state.givenText ?? "");
  const finished = graded.score >= 1 || state.tries >= PRACTICE_TRIES || state.shown;
  return {
    kind: "practice",
    questionId: question.id,
    score: graded.score,
    tries: state.tries,
    maxTries: PRACTICE_TRIES,
    blanks:
      graded.type === "fill-in"
        ? graded.detail.blanks.map(({ correct, nearMiss }) => ({ correct, nearMiss }))
        : null,
    hints: graded.score >= 1 ? [] : hintsAfter(question, Math.min(state.tries, PRACTICE_TRIES)),
    href: full.href,
    revealed: finished ? full : null,
    shown: state.shown,
  };
}

/** Stored feedback of an open practice attempt, or null when it is not the practice shape (never shown as is). */
export function parsePracticeFeedback(json: string | null): PracticeFeedback | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as { kind?: unknown };
    return value && value.kind === "practice" ? (value as PracticeFeedback) : null;
  } catch {
    return null;
  }
}
