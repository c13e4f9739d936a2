import winkNLP, { type ItemSentence, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Reads free text the way the interview grader needs it: sentences (a line break also ends one, so
 * bullet points stand alone), each word with its lemma ("canaries" → "canary", "rolling" → "roll"),
 * part of speech, character span and whether a negation ("never", "don't", "instead of", "skip",
 * "… isn't needed") covers it. wink-nlp is deterministic and its English model ships inside the npm
 * package (no download at run time); the model is loaded once per process, on first use.
 */

export type Token = {
  /** Lower-case surface form and lemma, letters and digits only ("--cpus" → "cpus"); "" for punctuation. */
  forms: string[];
  pos: string;
  start: number;
  end: number;
  /** Number of negation cues whose scope covers this token (odd = negated). */
  negations: number;
  /** This token is itself a negation cue. */
  cue: boolean;
  /** Index of its clause within the sentence. */
  clause: number;
};

export type Sentence = {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  /** Names things without saying anything about them: no verb, several items ("Replicas, readiness, canaries."). */
  list: boolean;
  /**
   * Clauses that only suppose or warn ("if liveness queried Postgres, …", "… would restart every
   * replica"); every clause when the sentence names a trap or says something breaks.
   */
  hypothetical: Set<number>;
  /** A short claim with no reason or mechanism ("The app should shut down gracefully."). */
  bare: boolean;
};

let nlp: WinkMethods | null = null;
function engine(): WinkMethods {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

export const norm = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

const lemmas = new Map<string, string>();

/**
 * A rubric phrase spelled with lemmas ("rolling updates" → "rollupdate"), letters and digits only.
 * Only words that may be inflected go through the model, once each: compiling a rubric stays cheap.
 */
export function lemmaKey(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => {
      const plain = norm(word);
      if (!/(s|ing|ed)$/.test(plain)) return plain;
      let lemma = lemmas.get(plain);
      if (lemma === undefined) {
        const its = engine().its;
        // wink-nlp's typings declare its.lemma with a parameter type out() does not accept.
        const out = engine()
          .readDoc(word)
          .tokens()
          .out(its.lemma as unknown as typeof its.value) as string[];
        lemma = out.map(norm).join("");
        lemmas.set(plain, lemma);
      }
      return lemma;
    })
    .join("");
}

/** Cues that negate what follows them in their clause. */
const FORWARD_CUES = new Set([
  "not",
  "never",
  "no",
  "without",
  "avoid",
  "skip",
  "nor",
  "neither",
  "none",
  "nothing",
  "instead",
  "rather",
  "forget",
  "unlike",
]);
/** Words that negate their whole clause wherever they stand ("replicas are overkill"). */
const CLAUSE_CUES = new Set([
  "unnecessary",
  "overkill",
  "pointless",
  "needless",
  "useless",
  "waste",
  "optional",
  "superfluous",
  "overrated",
  "bloat",
]);
/** Words that end a clause, so a negation before them does not reach past them. */
const CLAUSE_BREAK_WORDS = new Set([
  "but",
  "because",
  "so",
  "which",
  "whereas",
  "while",
  "since",
  "then",
  "though",
  "although",
  "unless",
  "until",
  "otherwise",
  "if",
  "when",
  "whereby",
]);
const BREAK_PUNCT = new Set([";", ":", ".", "!", "?", "(", ")", "—", "–"]);

/** Marks a conditional or a warning: wrong advice quoted there is being warned against, not given. */
const CONDITIONAL = new Set(["if", "otherwise", "suppose", "imagine"]);
const WARNING = new Set([
  "trap",
  "mistake",
  "wrong",
  "bad",
  "danger",
  "dangerous",
  "risk",
  "risky",
  "pitfall",
  "antipattern",
  "break",
  "breaks",
  "broke",
  "broken",
  "fail",
  "fails",
]);

function hypotheticalClauses(tokens: Token[]): Set<number> {
  if (tokens.some((token) => token.forms.some((form) => WARNING.has(form))))
    return new Set(tokens.map((token) => token.clause));
  const clauses = new Set<number>();
  tokens.forEach((token, index) => {
    const conditional = token.forms.some((form) => CONDITIONAL.has(form));
    // "a DB check in liveness would restart every replica" is a consequence; "I would …" is advice.
    const consequence =
      token.forms.some((form) => form === "would" || form === "could") &&
      !["i", "we", "you"].includes(tokens[index - 1]?.forms[0] ?? "");
    if (conditional || consequence) clauses.add(token.clause);
  });
  return clauses;
}

/** A finite verb starts a clause; "rolling updates" or "pinned images" are modifiers, not clauses. */
function startsClause(token: Token, raw: string): boolean {
  if (token.pos === "AUX") return true;
  return token.pos === "VERB" && !/(ing|ed)$/.test(raw);
}

/** "X is not needed", "no need for X": the negation covers the whole clause, subject included. */
const NEED_WORDS = new Set([
  "need",
  "necessary",
  "required",
  "require",
  "worth",
  "useful",
  "matter",
  "important",
  "needed",
]);

function isCue(token: { forms: string[]; end: number }, text: string, next: string | undefined): boolean {
  if (!(token.forms.some((form) => FORWARD_CUES.has(form)) || token.forms.includes("nt"))) return false;
  // "no-new-privileges", "non-root": a compound, not a negation of what follows.
  if (text[token.end] === "-") return false;
  // "Instead, …" and "I would rather …" start advice; only "instead of X" and "rather than X" negate X.
  if (token.forms.includes("instead")) return next === "of";
  if (token.forms.includes("rather")) return next === "than";
  // "not only … but also" adds rather than negates.
  return !(token.forms.includes("not") && (next === "only" || next === "just"));
}

/** Marks negation scopes in one sentence's tokens (cue → end of clause; clause cues → whole clause). */
function markNegation(tokens: Token[], raw: string[]) {
  // Clause boundaries: strong punctuation, subordinating words, and a comma that starts a new clause
  // (one with its own verb), so "don't bother with replicas, readiness, graceful shutdown" stays one
  // clause while "no database in liveness, readiness checks it" is two.
  const boundary = tokens.map((token, index) => {
    if (BREAK_PUNCT.has(raw[index]!)) return true;
    if (token.forms.some((form) => CLAUSE_BREAK_WORDS.has(form))) return true;
    if (raw[index] === ",") {
      for (let next = index + 1; next < tokens.length; next += 1) {
        if (raw[next] === "," || BREAK_PUNCT.has(raw[next]!)) return false;
        if (startsClause(tokens[next]!, raw[next]!)) return true;
      }
    }
    return false;
  });
  let clauseStart = 0;
  let clauseIndex = 0;
  const closeClause = (end: number) => {
    const clause = tokens.slice(clauseStart, end);
    for (const token of clause) token.clause = clauseIndex;
    clauseIndex += 1;
    // "X is not needed": the subject before the cue is negated too (what follows the cue already is).
    const needCue = clause.findIndex(
      (token, index) =>
        token.cue &&
        clause.slice(index + 1, index + 3).some((next) => next.forms.some((form) => NEED_WORDS.has(form))),
    );
    if (clause.some((token) => token.forms.some((form) => CLAUSE_CUES.has(form))))
      for (const token of clause) token.negations += 1;
    else if (needCue > 0) for (const token of clause.slice(0, needCue)) token.negations += 1;
    let open = 0;
    for (const token of clause) {
      token.negations += open;
      if (token.cue) open += 1;
    }
  };
  tokens.forEach((token, index) => {
    if (boundary[index]) {
      closeClause(index);
      // A clause word ("if", "because") opens the next clause; punctuation belongs to neither.
      clauseStart = BREAK_PUNCT.has(raw[index]!) || raw[index] === "," ? index + 1 : index;
    }
  });
  closeClause(tokens.length);
}

function finiteVerbs(tokens: Token[], raw: string[]): number {
  // An imperative opener ("Use replicas, readiness, canaries") does not make a list an explanation.
  const first = tokens.findIndex((token) => token.forms[0] !== "");
  return tokens.filter((token, index) => index > first && startsClause(token, raw[index]!)).length;
}

/** Words that carry a reason, a condition or an order of events: the sentence explains something. */
const CONNECTIVES = new Set([
  "because",
  "so",
  "since",
  "which",
  "otherwise",
  "once",
  "only",
  "until",
  "before",
  "after",
  "when",
  "while",
  "then",
  "unless",
  "if",
  "instead",
  "rather",
  "therefore",
  "thus",
  "whereas",
  "why",
  "cause",
  "means",
  "mean",
  "avoid",
  "prevent",
  "prevents",
  "keep",
  "keeps",
  "ensure",
  "ensures",
  "without",
  "by",
]);
const STOPWORDS = new Set([
  "the",
  "a",
  "an",
  "and",
  "or",
  "of",
  "to",
  "in",
  "on",
  "for",
  "with",
  "is",
  "are",
  "be",
  "it",
  "its",
  "you",
  "i",
  "we",
  "should",
  "can",
  "use",
  "need",
  "have",
  "has",
  "do",
  "that",
  "this",
  "also",
  "your",
]);

function isBare(tokens: Token[], raw: string[]): boolean {
  if (raw.some((value) => value === ":")) return false;
  if (tokens.some((token) => token.forms.some((form) => CONNECTIVES.has(form)))) return false;
  const content = tokens.filter((token) => token.forms[0] !== "" && !STOPWORDS.has(token.forms[0]!));
  return content.length <= 7;
}

const SEPARATORS = new Set([",", "/", "and", "or", "+", "&"]);

function isList(tokens: Token[], raw: string[]): boolean {
  const words = tokens.filter((token) => token.forms[0] !== "").length;
  if (words === 0) return false;
  const separators = raw.filter((value) => SEPARATORS.has(value)).length;
  // Many short items ("replicas, readiness probes, SIGTERM, maxSurge, canary") read as a list even
  // when the tagger takes one of the nouns for a verb.
  if (separators >= 3 && words / (separators + 1) <= 2.6) return true;
  if (finiteVerbs(tokens, raw) > 0) return false;
  // "Readiness probes." or "Replicas, readiness, canaries": named, not explained.
  return separators >= 2 || words <= 4;
}

// The same answer is often graded more than once (feedback, the grading queue, a re-grade); the
// analysis depends on the text alone, so recent ones are kept. Callers must not mutate the result.
const recent = new Map<string, Sentence[]>();
const RECENT_LIMIT = 200;

/** Sentences of the text, with the analysis above; deterministic for a given text. */
export function analyse(text: string): Sentence[] {
  const known = recent.get(text);
  if (known) return known;
  const sentences = analyseText(text);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(text, sentences);
  return sentences;
}

function analyseText(text: string): Sentence[] {
  const doc = engine().readDoc(text);
  const its = engine().its;
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const values = sentence.tokens().out(its.value) as string[];
    // wink-nlp's typings declare its.lemma with a parameter type out() does not accept; it works at run time.
    const lemmas = sentence.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const tags = sentence.tokens().out(its.pos) as string[];
    let current: { tokens: Token[]; raw: string[] } = { tokens: [], raw: [] };
    const flush = () => {
      if (current.tokens.length > 0) {
        const { tokens, raw } = current;
        const start = tokens[0]!.start;
        const end = tokens.at(-1)!.end;
        tokens.forEach((token, index) => {
          token.cue = isCue(token, text, raw[index + 1]);
        });
        markNegation(tokens, raw);
        const hypothetical = hypotheticalClauses(tokens);
        sentences.push({
          text: text.slice(start, end),
          start,
          end,
          tokens,
          list: isList(tokens, raw),
          hypothetical,
          bare: isBare(tokens, raw),
        });
      }
      current = { tokens: [], raw: [] };
    };
    values.forEach((value, index) => {
      const at = text.indexOf(value, cursor);
      const start = at === -1 ? cursor : at;
      const end = at === -1 ? cursor : at + value.length;
      if (at !== -1) cursor = end;
      if (/\n/.test(value) || tags[index] === "SPACE") {
        if (/\n/.test(value)) flush();
        return;
      }
      // Leading bullet marks are not words.
      if (current.tokens.length === 0 && /^[-*•]+$/.test(value)) return;
      const forms = [...new Set([norm(value), norm(lemmas[index] ?? value)])].filter(
        (form, position) => position === 0 || form !== "",
      );
      current.tokens.push({
        forms,
        pos: tags[index] ?? "X",
        start,
        end,
        negations: 0,
        cue: false,
        clause: 0,
      });
      current.raw.push(value.toLowerCase());
    });
    flush();
  });
  return sentences;
}
