// The interview grader as it was before lemmas, negation and sentence evidence (kept only so the
// agreement bench can print "before" beside "after"): a point counts when any of its phrases appears
// as a whole word, case-insensitive, spaces and dashes interchangeable. It runs on the rubric phrases
// as they were then (legacy-rubric-phrases.json, taken from commit 0df826a), since the phrases have
// since been tightened for the new grader.
import type { InterviewQuestion } from "../lib/questions/schema";
import legacyPhrases from "./legacy-rubric-phrases.json" with { type: "json" };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]*");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "iu");
}

export function legacyScore(question: InterviewQuestion, text: string): number {
  const total = question.rubric.reduce((sum, point) => sum + point.weight, 0);
  const phrases = (legacyPhrases as Record<string, Record<string, string[]>>)[question.id] ?? {};
  const covered = question.rubric
    .filter((point) =>
      (phrases[point.id] ?? point.phrases).some((phrase) => phrasePattern(phrase).test(text)),
    )
    .reduce((sum, point) => sum + point.weight, 0);
  return total === 0 ? 0 : covered / total;
}
