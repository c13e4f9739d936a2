import type { InterviewQuestion } from "@/lib/questions/schema";

export type PhraseMatch = { phrase: string; start: number; end: number };
export type RubricPointResult = {
  id: string;
  point: string;
  weight: number;
  covered: boolean;
  matches: PhraseMatch[];
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase as a whole-word, case-insensitive pattern where spaces and dashes are interchangeable. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]*");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu");
}

/**
 * Which rubric points an answer covers. A point is covered when any of its
 * phrases appears; the score is the covered share of the total weight. The
 * matches carry character spans so the learner sees what was recognised.
 */
export function gradeInterview(question: InterviewQuestion, text: string) {
  const points: RubricPointResult[] = question.rubric.map((item) => {
    const matches: PhraseMatch[] = [];
    for (const phrase of item.phrases) {
      for (const match of text.matchAll(phrasePattern(phrase))) {
        matches.push({ phrase, start: match.index, end: match.index + match[0].length });
      }
    }
    matches.sort((a, b) => a.start - b.start);
    return { id: item.id, point: item.point, weight: item.weight, covered: matches.length > 0, matches };
  });
  const total = points.reduce((sum, point) => sum + point.weight, 0);
  const covered = points.filter((point) => point.covered).reduce((sum, point) => sum + point.weight, 0);
  return { score: total === 0 ? 0 : covered / total, points, modelAnswer: question.modelAnswer };
}

/** Splits text into plain and highlighted runs for display (overlapping matches merged). */
export function highlightRuns(
  text: string,
  matches: PhraseMatch[],
): Array<{ text: string; highlighted: boolean }> {
  const spans = [...matches].sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  const runs: Array<{ text: string; highlighted: boolean }> = [];
  let cursor = 0;
  for (const span of merged) {
    if (span.start > cursor) runs.push({ text: text.slice(cursor, span.start), highlighted: false });
    runs.push({ text: text.slice(span.start, span.end), highlighted: true });
    cursor = span.end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), highlighted: false });
  return runs;
}
