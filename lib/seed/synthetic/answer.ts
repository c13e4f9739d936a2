import type { Answer } from "@/lib/grading/answer-schema";
import { answerKey, isNearMiss } from "@/lib/grading/normalise";
import type {
  FillInQuestion,
  InterviewQuestion,
  MultipleChoiceQuestion,
  Question,
} from "@/lib/questions/schema";
import { FILL_IN_MISTAKES } from "./fill-in-mistakes";
import { INTERVIEW_ANSWERS, type InterviewQuality } from "./interview-answers";
import { unitHash, type Rng } from "./prng";
import { chanceCorrect } from "./question-model";

/** Everything a wrong fill-in answer may borrow from: other blanks' accepted answers across the bank (with their keys). */
export type AnswerContext = { otherTerms: ReadonlyArray<{ term: string; key: string }> };

export function answerContext(questions: readonly Question[]): AnswerContext {
  const terms = new Set<string>();
  for (const question of questions) {
    if (question.type === "fill-in") for (const blank of question.blanks) terms.add(blank.accept[0]!);
  }
  return { otherTerms: [...terms].map((term) => ({ term, key: answerKey(term) })) };
}

/** A learner's answer to one question, right with the model's probability, wrong in the ways people are. */
export function synthesiseAnswer(
  question: Question,
  ability: number,
  rng: Rng,
  context: AnswerContext,
): Answer {
  const chance = chanceCorrect(question, ability);
  switch (question.type) {
    case "true-false":
      return { type: "true-false", value: rng.chance(chance) ? question.answer : !question.answer };
    case "multiple-choice":
      return { type: "multiple-choice", selected: multipleChoicePick(question, chance, rng) };
    case "fill-in":
      return {
        type: "fill-in",
        blanks: question.blanks.map((blank, index) =>
          rng.chance(chance) ? rng.pick(blank.accept) : wrongBlank(question, index, rng, context),
        ),
      };
    case "interview":
      return { type: "interview", text: interviewText(question, interviewQuality(ability, rng)) };
  }
}

/** Attractiveness of distractors by rank: the trap, a runner-up, then the rest. */
const TRAP_WEIGHTS = [5, 2, 1, 0.6, 0.5];

/**
 * Wrong picks favour plausible distractors: each distractor has a fixed
 * attractiveness, so one "trap" option draws most of the wrong answers, as
 * real item analysis shows.
 */
function multipleChoicePick(question: MultipleChoiceQuestion, chance: number, rng: Rng): string[] {
  const correct = question.options.filter((option) => option.correct).map((option) => option.id);
  const distractors = question.options.filter((option) => !option.correct).map((option) => option.id);
  const rank = [...distractors].sort(
    (a, b) => unitHash(`trap:${question.id}:${a}`) - unitHash(`trap:${question.id}:${b}`),
  );
  const attraction = distractors.map((id) => TRAP_WEIGHTS[rank.indexOf(id)] ?? 0.5);
  if (correct.length === 1) {
    return rng.chance(chance) || distractors.length === 0 ? correct : [rng.weighted(distractors, attraction)];
  }
  // "Select all that apply": each right option is found with the chance; a trap sometimes joins them.
  const picked = correct.filter(() => rng.chance(chance));
  if (distractors.length > 0 && rng.chance(1 - chance)) picked.push(rng.weighted(distractors, attraction));
  if (picked.length === 0) picked.push(rng.weighted(distractors.length ? distractors : correct, attraction));
  return [...new Set(picked)].sort();
}

/** A typo of an accepted answer that the grader calls a near miss, e.g. "SIGTREM"; null when the word is too short to have one. */
export function typoOf(accepted: string, rng: Rng): string | null {
  const letters = [...accepted];
  const positions = letters
    .map((character, index) => (/\p{L}/u.test(character) ? index : -1))
    .filter((index) => index > 0 && index < letters.length - 1);
  if (positions.length < 3) return null;
  for (let tries = 0; tries < 6; tries += 1) {
    const at = rng.pick(positions);
    const changed = [...letters];
    const kind = rng.int(0, 2);
    if (kind === 0) [changed[at], changed[at + 1]] = [changed[at + 1]!, changed[at]!];
    else if (kind === 1) changed.splice(at, 1);
    else changed.splice(at, 0, changed[at]!);
    const typo = changed.join("");
    if (isNearMiss(answerKey(typo), answerKey(accepted))) return typo;
  }
  return null;
}

/** One wrong blank: a near-miss typo, a misconception, a phrasing the key lacks, or nothing at all. */
function wrongBlank(question: FillInQuestion, index: number, rng: Rng, context: AnswerContext): string {
  const blank = question.blanks[index]!;
  const known = FILL_IN_MISTAKES[question.id]?.[index];
  const misconceptions = known?.misconceptions.length
    ? known.misconceptions
    : borrowedTerms(blank.accept, context);
  const alternatives = known?.alternatives ?? [];
  const kind = rng.weighted(["typo", "misconception", "alternative", "empty"] as const, [
    0.22,
    0.48,
    alternatives.length ? 0.18 : 0,
    0.12,
  ]);
  if (kind === "typo") {
    const typo = typoOf(rng.pick(blank.accept.slice(0, 2)), rng);
    if (typo !== null) return typo;
  }
  if (kind === "alternative") return rng.pick(alternatives);
  if (kind === "empty") return "";
  return misconceptions.length ? rng.pick(misconceptions) : "";
}

/** Another question's answer: a plausible wrong term for a blank the table has no mistakes for. */
function borrowedTerms(accept: readonly string[], context: AnswerContext): string[] {
  const accepted = new Set(accept.map(answerKey));
  return context.otherTerms.filter((other) => !accepted.has(other.key)).map((other) => other.term);
}

/** Stronger learners write better answers, with enough noise that anyone can have a good or a bad day. */
export function interviewQuality(ability: number, rng: Rng): InterviewQuality {
  const form = ability + rng.normal() * 0.7;
  if (form > 0.8) return "good";
  if (form > -0.2) return "partial";
  if (form > -1.6) return "poor";
  return "offTopic";
}

export function interviewText(question: InterviewQuestion, quality: InterviewQuality): string {
  const answers = INTERVIEW_ANSWERS[question.id];
  if (answers) return answers[quality];
  // A question added to the bank after these answers were written still gets an answer, if a thin one.
  return quality === "good" || quality === "partial" ? question.modelAnswer : "I am not sure, sorry.";
}
