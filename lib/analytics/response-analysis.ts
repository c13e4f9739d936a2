import type { Answer } from "@/lib/grading/answer-schema";
import { answerKey } from "@/lib/grading/normalise";
import type { FillInQuestion, Question } from "@/lib/questions/schema";

/** One answer that was given, how often, and whether the grader gives credit for it. */
export type ResponseRow = {
  /** What identifies the answer: option id, "true"/"false", or the grader's answerKey of typed text ("" = left empty). */
  key: string;
  /** What to show: option text, True/False, or the most common spelling of a typed answer. */
  label: string;
  count: number;
  /** count ÷ responses (multiple-choice shares can add up to more than 1: several options per answer). */
  share: number;
  scores: boolean;
};

export type ResponseAnalysis =
  | { type: "multiple-choice"; responses: number; rows: ResponseRow[]; unanswered: number }
  | { type: "true-false"; responses: number; rows: ResponseRow[]; unanswered: number }
  | { type: "fill-in"; responses: number; blanks: Array<{ blankIndex: number; rows: ResponseRow[] }> }
  | { type: "interview"; responses: number };

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

/**
 * How often each option, true/false value or typed answer was given. `answers` holds one entry per
 * response (null: nothing usable was saved). Pass the question with accepted answers merged in
 * (withAcceptedAnswers) so "scores" matches what the grader does now.
 */
export function analyseResponses(
  question: Question,
  answers: ReadonlyArray<Answer | null>,
): ResponseAnalysis {
  const responses = answers.length;
  switch (question.type) {
    case "multiple-choice": {
      const selections = answers.map((answer) =>
        answer?.type === "multiple-choice" ? new Set(answer.selected) : new Set<string>(),
      );
      const rows = question.options.map((option) => {
        const count = selections.filter((selected) => selected.has(option.id)).length;
        return {
          key: option.id,
          label: option.text,
          count,
          share: share(count, responses),
          scores: option.correct,
        };
      });
      return {
        type: "multiple-choice",
        responses,
        rows,
        unanswered: selections.filter((s) => s.size === 0).length,
      };
    }
    case "true-false": {
      const values = answers.map((answer) => (answer?.type === "true-false" ? answer.value : null));
      const rows = [true, false].map((value) => {
        const count = values.filter((given) => given === value).length;
        return {
          key: String(value),
          label: value ? "True" : "False",
          count,
          share: share(count, responses),
          scores: value === question.answer,
        };
      });
      return { type: "true-false", responses, rows, unanswered: values.filter((v) => v === null).length };
    }
    case "fill-in":
      return {
        type: "fill-in",
        responses,
        blanks: question.blanks.map((_, blankIndex) => ({
          blankIndex,
          rows: typedAnswers(question, blankIndex, answers),
        })),
      };
    case "interview":
      return { type: "interview", responses };
  }
}

/**
 * The accept keys that earn credit in this blank: its own list, plus those of the other blanks in its
 * unordered group (the grader lets those answers come in any order).
 */
export function acceptedKeysForBlank(question: FillInQuestion, blankIndex: number): Set<string> {
  const group = question.unordered.find((members) => members.includes(blankIndex)) ?? [blankIndex];
  return new Set(group.flatMap((index) => question.blanks[index]?.accept.map(answerKey) ?? []));
}

/** Typed answers to one blank grouped by the grader's answerKey, most frequent first. */
function typedAnswers(
  question: FillInQuestion,
  blankIndex: number,
  answers: ReadonlyArray<Answer | null>,
): ResponseRow[] {
  const accepted = acceptedKeysForBlank(question, blankIndex);
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  // Most learners type one of a few spellings: normalise each spelling once.
  const keys = new Map<string, string>();
  for (const answer of answers) {
    const typed = answer?.type === "fill-in" ? (answer.blanks[blankIndex] ?? "").trim() : "";
    let key = keys.get(typed);
    if (key === undefined) {
      key = answerKey(typed);
      keys.set(typed, key);
    }
    const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    group.count += 1;
    if (key !== "") group.spellings.set(typed, (group.spellings.get(typed) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({
      key,
      label: key === "" ? "" : mostCommonSpelling(group.spellings),
      count: group.count,
      share: share(group.count, answers.length),
      scores: key !== "" && accepted.has(key),
    }))
    .sort((a, b) => b.count - a.count || byCodePoint(a.key, b.key));
}

/** Locale-independent, so the order is the same on every server. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The spelling most learners used for this answer; ties go to the first by code point, so it is stable. */
function mostCommonSpelling(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0]![0];
}
