import type { Question } from "./schema";

// A hint must move a learner forward without handing over the answer (issue 11: practice shows hints
// before the key). These checks catch the mechanical ways a hint gives an answer away: it contains an
// accepted fill-in answer, says "true"/"false", quotes a correct option or copies the model answer or
// explanation. Whether a hint actually helps stays an author's judgement; these checks keep it honest.

export const HINT_MIN_CHARS = 20;
export const HINT_MAX_CHARS = 240;
/** Consecutive words a hint may share with a correct option before it counts as quoting it. */
const OPTION_RUN = 5;
/** Consecutive words a hint may share with the explanation or model answer before it counts as copying. */
const PROSE_RUN = 7;

/** Lower-case words and numbers, with code marks and punctuation dropped ("--cpus=1.5" → cpus, 1, 5). */
export function hintTokens(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}

/** The first run of `length` consecutive tokens of `source` that also occurs in `hint`, if any. */
function sharedRun(hint: string[], source: string[], length: number): string | null {
  for (let start = 0; start + length <= source.length; start++) {
    const run = source.slice(start, start + length);
    if (containsRun(hint, run)) return run.join(" ");
  }
  return null;
}

/** Single letters ("a", "v", "n") are accepted as shorthand for flags; as words they are everywhere. */
function isCheckableAnswer(tokens: string[]): boolean {
  const [only] = tokens;
  return tokens.length > 1 || (only !== undefined && (only.length > 1 || /\p{N}/u.test(only)));
}

/** Why this question's hint gives the answer away or is missing; empty when it is fine. */
export function hintProblems(question: Question): string[] {
  const hint = question.hint?.trim() ?? "";
  if (!hint) return ["has no hint"];
  const problems: string[] = [];
  if (hint.length < HINT_MIN_CHARS) problems.push(`hint is shorter than ${HINT_MIN_CHARS} characters`);
  if (hint.length > HINT_MAX_CHARS) problems.push(`hint is longer than ${HINT_MAX_CHARS} characters: a hint, not a lesson`);
  const words = hintTokens(hint);

  switch (question.type) {
    case "fill-in":
      question.blanks.forEach((blank, index) => {
        for (const accepted of blank.accept) {
          const answer = hintTokens(accepted);
          if (isCheckableAnswer(answer) && containsRun(words, answer))
            problems.push(`hint contains "${accepted}", an accepted answer for blank ${index + 1}`);
        }
      });
      break;
    case "true-false":
      for (const verdict of ["true", "false"])
        if (words.includes(verdict)) problems.push(`hint says "${verdict}"`);
      break;
    case "multiple-choice":
      if (/\b(?:option|answer|choice)\s*\(?[a-f]\)?(?![\p{L}\p{N}])/iu.test(hint))
        problems.push("hint points at an option by its letter");
      for (const option of question.options.filter((candidate) => candidate.correct)) {
        const text = hintTokens(option.text);
        const run = text.length < OPTION_RUN ? (containsRun(words, text) ? text.join(" ") : null) : sharedRun(words, text, OPTION_RUN);
        if (run) problems.push(`hint quotes correct option ${option.id}: "${run}"`);
      }
      break;
    case "interview": {
      const copied = sharedRun(words, hintTokens(question.modelAnswer), PROSE_RUN);
      if (copied) problems.push(`hint copies the model answer: "${copied}"`);
      break;
    }
  }
  const explained = sharedRun(words, hintTokens(question.explanation), PROSE_RUN);
  if (explained) problems.push(`hint copies the explanation: "${explained}"`);
  return problems;
}
