const NUMBER_WORDS: Record<string, string> = {
  zero: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
};

/**
 * The form typed answers are compared in: case, surrounding space, quotes,
 * backticks and punctuation do not matter, nor does spacing inside ("non-zero",
 * "non zero" and "nonzero" agree), and number words count as digits. A minus sign
 * in front of a number is kept, so "-1" is not "1".
 */
export function answerKey(input: string): string {
  return (
    input
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[`'"“”‘’]/g, "")
      // A minus sign on a number is part of it: "-1" is not "1". (NFKC leaves U+2212 as is.)
      .replace(/(^|[^\p{L}\p{N}])[-−](?=\d)/gu, "$1\u0000")
      .replace(/[^\p{L}\p{N}\s\u0000]/gu, " ")
      .replace(/\u0000/g, "-")
      .split(/\s+/)
      .filter(Boolean)
      // "zero" → "0", but "non-zero" stays a word: it is not the number.
      .map((token, index, tokens) => (tokens[index - 1] === "non" ? token : (NUMBER_WORDS[token] ?? token)))
      .join("")
  );
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit
 * (optimal string alignment), for spotting typos such as "SIGTREM".
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** A wrong answer close enough to an accepted one that the learner deserves a "check the spelling" hint. */
export function isNearMiss(givenKey: string, acceptedKey: string): boolean {
  if (!givenKey || givenKey === acceptedKey) return false;
  const allowed = acceptedKey.length <= 3 ? 0 : acceptedKey.length <= 7 ? 1 : 2;
  return editDistance(givenKey, acceptedKey) <= allowed;
}
