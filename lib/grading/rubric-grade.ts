import { z } from "zod";

/** The steps the grading form offers per rubric point; any share from 0 to 1 is valid data. */
export const POINT_SCORE_STEPS = [
  { value: 0, label: "None" },
  { value: 0.5, label: "Half" },
  { value: 1, label: "Full" },
] as const;

const Comment = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep each comment under ${max} characters.`)
    .nullish()
    .transform((text) => text || null);

export const PointGradeSchema = z.object({
  pointId: z.string().min(1).max(100),
  score: z
    .number({ message: "Give every rubric point a score: none, half or full." })
    .min(0, "A point's score is between 0 (none) and 1 (full).")
    .max(1, "A point's score is between 0 (none) and 1 (full)."),
  comment: Comment(1000),
});

/** What an instructor submits for one interview answer: a grade per rubric point and an overall comment. */
export const RubricGradeInputSchema = z.object({
  points: z.array(PointGradeSchema).min(1, "Grade the rubric points before saving.").max(50),
  comment: Comment(2000),
});

export type PointGrade = z.output<typeof PointGradeSchema>;
export type RubricGradeInput = z.input<typeof RubricGradeInputSchema>;
export type RubricGrade = z.output<typeof RubricGradeInputSchema>;
type RubricPoint = { id: string; weight: number };

/** The answer's score (0–1): each point's share weighted by the point's weight. */
export function rubricScore(
  rubric: readonly RubricPoint[],
  grades: readonly { pointId: string; score: number }[],
) {
  const scoreOf = new Map(grades.map((grade) => [grade.pointId, grade.score]));
  const totalWeight = rubric.reduce((sum, point) => sum + point.weight, 0);
  if (totalWeight === 0) return 0;
  const earned = rubric.reduce((sum, point) => sum + point.weight * (scoreOf.get(point.id) ?? 0), 0);
  return earned / totalWeight;
}

/**
 * Grades must name each rubric point exactly once. The rubric can change between loading the form
 * and saving it (a content deploy), so the messages tell the instructor to reload.
 */
export function checkRubricGrades(
  rubric: readonly RubricPoint[],
  grades: readonly { pointId: string }[],
): { ok: true } | { ok: false; error: string } {
  const known = new Set(rubric.map((point) => point.id));
  const seen = new Set<string>();
  for (const grade of grades) {
    if (!known.has(grade.pointId))
      return {
        ok: false,
        error: `This question's rubric has no point "${grade.pointId}". Reload the page to grade against the current rubric.`,
      };
    if (seen.has(grade.pointId))
      return {
        ok: false,
        error: `The rubric point "${grade.pointId}" is graded twice. Reload the page and grade it once.`,
      };
    seen.add(grade.pointId);
  }
  const missing = rubric.filter((point) => !seen.has(point.id)).map((point) => `"${point.id}"`);
  if (missing.length > 0)
    return {
      ok: false,
      error: `Give a score for every rubric point; missing: ${missing.join(", ")}. Reload the page if you do not see them.`,
    };
  return { ok: true };
}

/** Stored rubricGrades JSON, in the rubric's order; null when absent or unreadable (never throws on old rows). */
export function parseStoredRubricGrades(json: string | null | undefined): PointGrade[] | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = z.array(PointGradeSchema).safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** "Full", "Half", "None", or a percentage for shares the form does not offer. */
export function pointScoreLabel(score: number): string {
  const step = POINT_SCORE_STEPS.find((candidate) => candidate.value === score);
  return step ? step.label : `${Math.round(score * 100)}%`;
}
