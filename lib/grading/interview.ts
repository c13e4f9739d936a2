import type { InterviewQuestion } from "@/lib/questions/schema";
import { compilePattern, compilePhrase, patternMatch, phraseHits, type Hit } from "./rubric-match";
import { analyse, type Sentence } from "./text-analysis";

export type PhraseMatch = { phrase: string; start: number; end: number };
/**
 * explained: said, not negated, in a sentence that gives a reason or mechanism; stated: only in short
 * bare claims ("Use readiness probes."); named: only in a list of terms; contradicted: the answer
 * advises the opposite ("liveness and readiness both run SELECT 1"); missing: not found.
 */
export type PointStatus = "explained" | "stated" | "named" | "contradicted" | "missing";
export type Evidence = { start: number; end: number; text: string };
export type RubricPointResult = {
  id: string;
  point: string;
  weight: number;
  covered: boolean;
  status: PointStatus;
  /** The sentence that earned (or, when contradicted, cost) the point. */
  evidence: Evidence | null;
  /** The recognised words inside that sentence. */
  matches: PhraseMatch[];
};

/** Share of a point's weight by status. */
export const CREDIT: Record<PointStatus, number> = {
  explained: 1,
  stated: 0.6,
  named: 0.3,
  missing: 0,
  contradicted: -1,
};
/** An answer that mostly lists terms scores at most this. */
export const LIST_CAP = 0.3;
export const LIST_LABEL = "a list of terms, not an explanation";

type Point = InterviewQuestion["rubric"][number];
type Found = { sentence: Sentence; hits: Hit[]; phrase: string };

function evidenceFor(point: Point, sentences: Sentence[]) {
  const affirmed: Found[] = [];
  const contrary: Found[] = [];
  const terms = [...point.phrases, ...point.synonyms];
  for (const sentence of sentences) {
    for (const phrase of terms)
      for (const hit of phraseHits(sentence, compilePhrase(phrase)))
        if (!hit.negated) affirmed.push({ sentence, hits: [hit], phrase });
    for (const pattern of point.patterns) {
      const match = patternMatch(sentence, compilePattern(pattern));
      if (match && !match.negated) affirmed.push({ sentence, hits: match.hits, phrase: pattern });
    }
    for (const pattern of point.contrary) {
      // Wrong advice is one claim: its words must sit in one clause, not merely in one sentence.
      const match = patternMatch(sentence, compilePattern(pattern), { sameClause: true });
      if (!match || sentence.list) continue;
      // Warning against the wrong advice is the point made the other way round.
      if (match.negated) affirmed.push({ sentence, hits: match.hits, phrase: pattern });
      else if (!sentence.hypothetical.has(match.hits[0]!.clause))
        contrary.push({ sentence, hits: match.hits, phrase: pattern });
    }
  }
  return { affirmed, contrary };
}

function result(point: Point, status: PointStatus, found: Found[]): RubricPointResult {
  const sentence = found[0]?.sentence;
  const matches = found
    .filter((entry) => entry.sentence === sentence)
    .flatMap((entry) => entry.hits.map((hit) => ({ phrase: entry.phrase, start: hit.start, end: hit.end })))
    .sort((a, b) => a.start - b.start)
    .filter((match, index, all) => index === 0 || match.start !== all[index - 1]!.start);
  return {
    id: point.id,
    point: point.point,
    weight: point.weight,
    covered: CREDIT[status] > 0,
    status,
    evidence: sentence ? { start: sentence.start, end: sentence.end, text: sentence.text } : null,
    matches,
  };
}

/**
 * How much of the rubric an answer explains. A point counts when one of its phrases, synonyms or
 * paraphrase patterns appears, un-negated, in a sentence; advice against the point (its `contrary`
 * patterns) takes its weight away instead. Terms only listed, without a sentence that says anything
 * about them, earn a small share, and an answer that is mostly such a list is capped and labelled.
 * Pure and deterministic: the same text always gets the same score and evidence.
 */
export function gradeInterview(question: InterviewQuestion, text: string) {
  const sentences = analyse(text);
  const points = question.rubric.map((point) => {
    const { affirmed, contrary } = evidenceFor(point, sentences);
    if (contrary.length > 0) return result(point, "contradicted", contrary);
    const explained = affirmed.filter((entry) => !entry.sentence.list && !entry.sentence.bare);
    if (explained.length > 0) return result(point, "explained", explained);
    const stated = affirmed.filter((entry) => !entry.sentence.list);
    if (stated.length > 0) return result(point, "stated", stated);
    if (affirmed.length > 0) return result(point, "named", affirmed);
    return result(point, "missing", []);
  });
  const weightOf = (status: PointStatus) =>
    points.filter((point) => point.status === status).reduce((sum, point) => sum + point.weight, 0);
  const total = points.reduce((sum, point) => sum + point.weight, 0);
  const earned = points.reduce((sum, point) => sum + CREDIT[point.status] * point.weight, 0);
  const named = weightOf("named");
  const listOfTerms = named > 0 && named >= weightOf("explained") + weightOf("stated");
  const raw = total === 0 ? 0 : Math.max(0, earned) / total;
  const score = listOfTerms ? Math.min(raw, LIST_CAP) : raw;
  return { score, points, listOfTerms, modelAnswer: question.modelAnswer };
}
