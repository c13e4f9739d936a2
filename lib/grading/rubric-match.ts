import { lemmaKey, norm, type Sentence, type Token } from "./text-analysis";

/**
 * Finding rubric phrases and paraphrase patterns in analysed sentences.
 *
 * A phrase matches a run of words whose surface forms or lemmas spell it, ignoring spaces, dashes and
 * punctuation: "health check" matches "health checks", "healthcheck" and "health-check"; "rolling
 * update" matches "rolling updates". A pattern is groups joined by " + " whose alternatives are
 * split by "|"; every group must match somewhere in one sentence ("liveness + not|never + database").
 * Groups joined by " > " must match in that order ("stop > all > before > start").
 */

export type Hit = {
  start: number;
  end: number;
  first: number;
  last: number;
  negated: boolean;
  clause: number;
};

type CompiledPhrase = { keys: string[]; negative: boolean };
export type CompiledPattern = { groups: CompiledPhrase[][]; selfNegating: boolean; ordered: boolean };

const cache = new Map<string, CompiledPhrase>();

/** A phrase's spellings: as written and as lemmas ("rolling updates" → "rollingupdates", "rollupdate"). */
export function compilePhrase(phrase: string): CompiledPhrase {
  const known = cache.get(phrase);
  if (known) return known;
  const written = norm(phrase);
  // "not needed", "don't need", "overkill": the phrase itself says no.
  const negative = phrase
    .split(/\s+/)
    .some((word) => NEGATION_WORDS.has(norm(word)) || /n['’]t$/i.test(word));
  const compiled = { keys: [...new Set([written, lemmaKey(phrase)].filter(Boolean))], negative };
  cache.set(phrase, compiled);
  return compiled;
}

const NEGATION_WORDS = new Set([
  "not",
  "never",
  "no",
  "without",
  "avoid",
  "instead",
  "rather",
  "nt",
  "skip",
  "unnecessary",
  "overkill",
  "pointless",
  "needless",
  "useless",
  "optional",
  "nothing",
]);

export function compilePattern(pattern: string): CompiledPattern {
  const ordered = pattern.includes(" > ");
  const groups = pattern.split(ordered ? " > " : " + ").map((group) =>
    group
      .split("|")
      .map((alternative) => alternative.trim())
      .filter(Boolean)
      .map(compilePhrase),
  );
  // A pattern that spells out its own negation ("liveness + not|never + database") already says
  // what stance it wants, so the sentence's negation is not applied on top.
  const selfNegating = groups.some(isNegationGroup);
  return { groups, selfNegating, ordered };
}

/** Ends of every run of tokens from `from` that spells `rest` exactly (forms may mix: "roll" + "updates"). */
function spell(tokens: Token[], from: number, rest: string, found: number[]) {
  if (from >= tokens.length) return;
  const token = tokens[from]!;
  if (token.forms[0] === "") {
    // Punctuation inside a phrase ("blue/green", "--cpus") is skipped.
    spell(tokens, from + 1, rest, found);
    return;
  }
  for (const form of token.forms) {
    if (!form || !rest.startsWith(form)) continue;
    const left = rest.slice(form.length);
    if (left === "") found.push(from);
    else spell(tokens, from + 1, left, found);
  }
}

// Patterns share alternatives and points share phrases: find each phrase once per sentence.
const found = new WeakMap<Sentence, Map<CompiledPhrase, Hit[]>>();

export function phraseHits(sentence: Sentence, phrase: CompiledPhrase): Hit[] {
  let known = found.get(sentence);
  if (!known) found.set(sentence, (known = new Map()));
  const cached = known.get(phrase);
  if (cached) return cached;
  const hits = searchPhrase(sentence, phrase);
  known.set(phrase, hits);
  return hits;
}

function searchPhrase(sentence: Sentence, phrase: CompiledPhrase): Hit[] {
  const hits: Hit[] = [];
  const { tokens } = sentence;
  tokens.forEach((token, index) => {
    if (token.forms[0] === "") return;
    for (const key of phrase.keys) {
      if (!token.forms.some((form) => form !== "" && key.startsWith(form))) continue;
      const ends: number[] = [];
      spell(tokens, index, key, ends);
      for (const last of ends) {
        if (hits.some((hit) => hit.first === index && hit.last === last)) continue;
        hits.push({
          start: token.start,
          end: tokens[last]!.end,
          first: index,
          last,
          // Negation from cues before the phrase; a cue inside it ("no dependencies") is its meaning.
          negated: token.negations % 2 === 1,
          clause: token.clause,
        });
      }
    }
  });
  return hits;
}

/** "not|never|avoid", "not needed|unnecessary": every alternative starts with a negation. */
const isNegationGroup = (group: CompiledPhrase[]) => group.every((phrase) => phrase.negative);

/**
 * One hit per group if every group matches in the sentence, else null. `negated` says the sentence
 * says the opposite: for a plain pattern, a negation covers one of its words; for a self-negating
 * one, its negation word covers none of the others ("liveness checks the database, not the cache").
 */
export function patternMatch(
  sentence: Sentence,
  pattern: CompiledPattern,
  { sameClause = false }: { sameClause?: boolean } = {},
): { hits: Hit[]; negated: boolean } | null {
  const clauses = sameClause ? [...new Set(sentence.tokens.map((token) => token.clause))] : [null];
  for (const clause of clauses) {
    const match = matchIn(sentence, pattern, clause);
    if (match) return match;
  }
  return null;
}

function matchIn(sentence: Sentence, pattern: CompiledPattern, clause: number | null) {
  const chosen: Hit[] = [];
  let reachesATerm = false;
  for (const group of pattern.groups) {
    const after = pattern.ordered ? (chosen.at(-1)?.last ?? -1) : -1;
    const hits = group
      .flatMap((phrase) => phraseHits(sentence, phrase))
      .filter((hit) => hit.first > after && (clause === null || hit.clause === clause));
    if (hits.length === 0) return null;
    if (pattern.selfNegating && !isNegationGroup(group)) {
      const negatedHit = hits.find((hit) => hit.negated);
      if (negatedHit) reachesATerm = true;
      chosen.push(negatedHit ?? hits[0]!);
    } else {
      chosen.push(hits.find((hit) => !hit.negated) ?? hits[0]!);
    }
  }
  const negated = pattern.selfNegating ? !reachesATerm : chosen.some((hit) => hit.negated);
  return { hits: chosen, negated };
}
