import type { Persona } from "./learner-model";

/** Rows as the tables take them (createMany input), plus the model behind each learner for tests and reports. */
export type PlannedLearner = {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  joinedAt: Date;
  persona: Persona;
  ability: number;
  engagement: number;
};

export type PlannedLessonProgress = {
  userId: string;
  lessonSlug: string;
  lastSeenAt: Date;
  completedAt: Date | null;
};

export type PlannedAttempt = {
  id: string;
  userId: string;
  quizSlug: string;
  kind: "lesson" | "review";
  /** JSON array of question ids. */
  questionIds: string;
  mode: "check" | "practice";
  status: "open" | "submitted";
  seed: number;
  score: number | null;
  maxScore: number | null;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
};

export type PlannedResponse = {
  id: string;
  attemptId: string;
  questionId: string;
  /** JSON of an Answer (lib/grading/answer-schema.ts). */
  answer: string;
  checks: number;
  score: number | null;
  maxScore: number | null;
  /** JSON of a QuestionFeedback, as submitQuiz stores it. */
  feedback: string | null;
  overrideScore: number | null;
  instructorFeedback: string | null;
  reviewedAt: Date | null;
  rubricGrades: string | null;
  reviewedById: string | null;
  updatedAt: Date;
};

export type PlannedReviewCard = {
  userId: string;
  questionId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type PlannedLabRun = {
  userId: string;
  labSlug: string;
  code: string;
  /** JSON of the settings. */
  params: string;
  passed: boolean;
  /** JSON of { headline, checks }. */
  verdict: string;
  createdAt: Date;
};

export type CohortPlan = {
  learners: PlannedLearner[];
  lessonProgress: PlannedLessonProgress[];
  attempts: PlannedAttempt[];
  responses: PlannedResponse[];
  reviewCards: PlannedReviewCard[];
  labRuns: PlannedLabRun[];
};
