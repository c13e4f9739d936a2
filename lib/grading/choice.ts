import type { MultipleChoiceQuestion, TrueFalseQuestion } from "@/lib/questions/schema";

/** `null` is an unanswered question: it scores 0. */
export function gradeTrueFalse(question: TrueFalseQuestion, value: boolean | null) {
  return { score: value === question.answer ? 1 : 0, given: value, answer: question.answer };
}

export type OptionVerdict = { id: string; selected: boolean; correct: boolean; why: string };

/**
 * Single-answer questions score 1 or 0. "Select all that apply" questions give
 * partial credit: (right picks − wrong picks) / number of right options, never
 * below 0, so ticking every box is not a strategy.
 */
export function gradeMultipleChoice(question: MultipleChoiceQuestion, selected: string[]) {
  const picked = new Set(selected);
  const correctIds = question.options.filter((option) => option.correct).map((option) => option.id);
  const rightPicks = correctIds.filter((id) => picked.has(id)).length;
  const wrongPicks = [...picked].filter((id) => !correctIds.includes(id)).length;
  const score =
    correctIds.length === 1
      ? rightPicks === 1 && wrongPicks === 0
        ? 1
        : 0
      : Math.max(0, (rightPicks - wrongPicks) / correctIds.length);
  const options: OptionVerdict[] = question.options.map((option) => ({
    id: option.id,
    selected: picked.has(option.id),
    correct: option.correct,
    why: option.why,
  }));
  return { score, correctIds, options };
}
