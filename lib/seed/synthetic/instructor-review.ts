import type { InterviewQuestion } from "@/lib/questions/schema";
import { gradeInterview } from "@/lib/grading/interview";
import type { Rng } from "./prng";

/** What an instructor leaves on an interview answer they reviewed (columns of QuizResponse). */
export type InstructorReview = {
  overrideScore: number;
  instructorFeedback: string;
  /** JSON [{ pointId, score (0–1), comment }] */
  rubricGrades: string;
};

const OVERALL = {
  strong: [
    "Strong answer: you would pass this question in an interview. Tighten the wording and it is excellent.",
    "Very good. You explain why, not just what — keep doing that.",
  ],
  middling: [
    "Good start. Cover the points marked 0 and this becomes a strong answer.",
    "You have the core idea; an interviewer would push you on the missing points below.",
  ],
  weak: [
    "This misses most of what the question is after. Re-read the lesson section and try again.",
    "Too thin for an interview answer: name the concrete settings and explain the trade-offs.",
  ],
} as const;

const MISSING = [
  "Not mentioned.",
  "Missing — worth a sentence.",
  "An interviewer would expect this one.",
] as const;

/**
 * An instructor's per-point grades: what the automatic coverage found, corrected
 * here and there (a point recognised but only name-dropped, one implied without
 * the key words), and an overall comment that fits the score.
 */
export function reviewInterviewAnswer(question: InterviewQuestion, text: string, rng: Rng): InstructorReview {
  const coverage = gradeInterview(question, text);
  const grades = coverage.points.map((point) => {
    const score = point.covered ? (rng.chance(0.2) ? 0.5 : 1) : rng.chance(0.12) ? 0.5 : 0;
    const comment =
      score === 0 ? rng.pick(MISSING) : score === 0.5 ? "Mentioned, but say why it matters." : "";
    return { pointId: point.id, score, comment, weight: point.weight };
  });
  const total = grades.reduce((sum, grade) => sum + grade.weight, 0);
  const earned = grades.reduce((sum, grade) => sum + grade.weight * grade.score, 0);
  const overrideScore = Math.round((total === 0 ? 0 : earned / total) * 100) / 100;
  const band = overrideScore >= 0.75 ? "strong" : overrideScore >= 0.4 ? "middling" : "weak";
  return {
    overrideScore,
    instructorFeedback: rng.pick(OVERALL[band]),
    rubricGrades: JSON.stringify(grades.map(({ pointId, score, comment }) => ({ pointId, score, comment }))),
  };
}
