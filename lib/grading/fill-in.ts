import type { FillInQuestion } from "@/lib/questions/schema";
import { answerKey, isNearMiss } from "./normalise";

export type BlankResult = { given: string; correct: boolean; nearMiss: boolean; expected: string };
export type FillInResult = { score: number; blanks: BlankResult[] };

function matches(given: string, accept: string[]): boolean {
  const key = answerKey(given);
  return key !== "" && accept.some((candidate) => answerKey(candidate) === key);
}

function nearMiss(given: string, accept: string[]): boolean {
  const key = answerKey(given);
  return accept.some((candidate) => isNearMiss(key, answerKey(candidate)));
}

/** All orderings of a small list (unordered groups have two to six blanks). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * One point per question, shared equally by its blanks. Blanks in an
 * unordered group may be answered in any order: the best assignment counts.
 */
export function gradeFillIn(question: FillInQuestion, given: string[]): FillInResult {
  const answers = question.blanks.map((_, index) => given[index] ?? "");
  // For each blank, which accept-list it is judged against (identity unless an unordered group reassigns it).
  const judgedBy = question.blanks.map((_, index) => index);

  for (const group of question.unordered) {
    let best = group;
    let bestCount = -1;
    for (const order of permutations(group)) {
      const count = group.filter((blank, position) =>
        matches(answers[blank]!, question.blanks[order[position]!]!.accept),
      ).length;
      if (count > bestCount) {
        best = order;
        bestCount = count;
      }
    }
    group.forEach((blank, position) => {
      judgedBy[blank] = best[position]!;
    });
  }

  const blanks = answers.map((answer, index) => {
    const accept = question.blanks[judgedBy[index]!]!.accept;
    const correct = matches(answer, accept);
    return { given: answer, correct, nearMiss: !correct && nearMiss(answer, accept), expected: accept[0]! };
  });
  const score = blanks.filter((blank) => blank.correct).length / blanks.length;
  return { score, blanks };
}
