import { z } from "zod";

/**
 * Calibration answers: interview answers written in varied styles, each scored by a careful human
 * grader with a reason. The automatic grader must agree with them (see THRESHOLDS).
 */
export const CALIBRATION_STYLES = [
  "model",
  "paraphrase",
  "partial",
  "wrong-advice",
  "keyword-list",
  "off-topic",
  "short",
] as const;
export type CalibrationStyle = (typeof CALIBRATION_STYLES)[number];

export const CalibrationFileSchema = z.strictObject({
  question: z.string().min(1),
  answers: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        style: z.enum(CALIBRATION_STYLES),
        /** The human grade, 0–1, as an instructor would give it with the rubric in hand. */
        score: z.number().min(0).max(1),
        reason: z.string().trim().min(10),
        text: z.string().trim().min(1),
      }),
    )
    .min(25),
});
export type CalibrationFile = z.infer<typeof CalibrationFileSchema>;

/** What "agrees with a human grader" means, per question. */
export const THRESHOLDS = {
  maxMeanAbsoluteError: 0.15,
  wrongAdviceAtMost: 0.35,
  keywordListAtMost: 0.4,
  paraphraseAtLeast: 0.7,
} as const;

export type ScoredAnswer = { id: string; style: CalibrationStyle; human: number; machine: number };

export type Agreement = {
  question: string;
  count: number;
  meanAbsoluteError: number;
  /** Highest machine score of a wrong-advice answer, a keyword list; lowest of a strong paraphrase. */
  worstWrongAdvice: number | null;
  worstKeywordList: number | null;
  worstParaphrase: number | null;
  failures: string[];
};

const extreme = (rows: ScoredAnswer[], style: CalibrationStyle, pick: (a: number, b: number) => number) =>
  rows
    .filter((row) => row.style === style)
    .reduce<number | null>((worst, row) => (worst === null ? row.machine : pick(worst, row.machine)), null);

export function agreement(question: string, rows: ScoredAnswer[]): Agreement {
  const meanAbsoluteError =
    rows.reduce((sum, row) => sum + Math.abs(row.machine - row.human), 0) / Math.max(1, rows.length);
  const failures: string[] = [];
  if (meanAbsoluteError > THRESHOLDS.maxMeanAbsoluteError)
    failures.push(`mean absolute error ${meanAbsoluteError.toFixed(3)} > ${THRESHOLDS.maxMeanAbsoluteError}`);
  for (const row of rows) {
    const at = `${row.id} (${row.style}) scored ${row.machine.toFixed(2)}, human ${row.human.toFixed(2)}`;
    if (row.style === "wrong-advice" && row.machine > THRESHOLDS.wrongAdviceAtMost)
      failures.push(`${at}: wrong advice must score ≤ ${THRESHOLDS.wrongAdviceAtMost}`);
    if (row.style === "keyword-list" && row.machine > THRESHOLDS.keywordListAtMost)
      failures.push(`${at}: a keyword list must score ≤ ${THRESHOLDS.keywordListAtMost}`);
    if (row.style === "paraphrase" && row.machine < THRESHOLDS.paraphraseAtLeast)
      failures.push(`${at}: a strong paraphrase must score ≥ ${THRESHOLDS.paraphraseAtLeast}`);
  }
  return {
    question,
    count: rows.length,
    meanAbsoluteError,
    worstWrongAdvice: extreme(rows, "wrong-advice", Math.max),
    worstKeywordList: extreme(rows, "keyword-list", Math.max),
    worstParaphrase: extreme(rows, "paraphrase", Math.min),
    failures,
  };
}
