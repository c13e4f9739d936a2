import type { FillInQuestion, FlagValue } from "@/lib/questions/schema";
import { answerKey, isNearMiss } from "./normalise";

type Blank = FillInQuestion["blanks"][number];

export type BlankResult = { given: string; correct: boolean; nearMiss: boolean; expected: string };
export type FillInResult = { score: number; blanks: BlankResult[] };

/** "--cpus=0.5", "--cpus 2", "cpus=2" → flag and value; null when the text is not a flag with a value. */
function flagWithValue(given: string): { flag: string; value: string } | null {
  const match = /^\s*-{0,2}([a-z][a-z0-9-]*)\s*(?:=\s*|\s+)(\S+)\s*$/i.exec(given.normalize("NFKC"));
  return match ? { flag: match[1]!.toLowerCase(), value: match[2]! } : null;
}

function validValue(value: string, rule: FlagValue): boolean {
  const pattern = rule.kind === "integer" ? /^\+?\d+$/ : /^\+?(?:\d+\.?\d*|\.\d+)$/;
  if (!pattern.test(value)) return false;
  const number = Number(value);
  if (rule.exclusiveMin ? number <= rule.min : number < rule.min) return false;
  return rule.max === undefined || number <= rule.max;
}

/** The rule for an accepted flag, whichever way the question's author wrote its dashes. */
function ruleFor(blank: Blank, flag: string): FlagValue | undefined {
  return Object.entries(blank.values).find(([name]) => name.replace(/^-+/, "") === flag)?.[1];
}

function matches(given: string, blank: Blank): boolean {
  const key = answerKey(given);
  if (key === "") return false;
  if (blank.accept.some((candidate) => answerKey(candidate) === key)) return true;
  // A flag question also takes the flag with a value, when the value is one that flag accepts.
  const parsed = flagWithValue(given);
  const rule = parsed && ruleFor(blank, parsed.flag);
  return Boolean(parsed && rule && validValue(parsed.value, rule));
}

function nearMiss(given: string, blank: Blank): boolean {
  const key = answerKey(given);
  // A known flag with a bad value is a wrong value, not a typo.
  const parsed = flagWithValue(given);
  if (parsed && ruleFor(blank, parsed.flag)) return false;
  return blank.accept.some((candidate) => isNearMiss(key, answerKey(candidate)));
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
        matches(answers[blank]!, question.blanks[order[position]!]!),
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
    const blank = question.blanks[judgedBy[index]!]!;
    const correct = matches(answer, blank);
    return {
      given: answer,
      correct,
      nearMiss: !correct && nearMiss(answer, blank),
      expected: blank.accept[0]!,
    };
  });
  const score = blanks.filter((blank) => blank.correct).length / blanks.length;
  return { score, blanks };
}
