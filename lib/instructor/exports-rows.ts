import { AnswerSchema } from "@/lib/grading/answer-schema";
import type { Question, QuestionType } from "@/lib/questions/schema";
import type { CsvCell } from "@/lib/export/csv";

/**
 * The rows of the two CSV exports, as pure functions of plain data (the queries are in
 * exports-data.ts). Text from learners and from the question bank goes out as strings, which the
 * CSV writer neutralises; scores and counts go out as numbers.
 */
export type ExportCatalog = {
  /** In course order; a lesson's quiz has the lesson's slug. */
  lessons: ReadonlyArray<{ slug: string; title: string }>;
  labSlugs: readonly string[];
  questions: ReadonlyMap<string, Question>;
};

// ---------- shared formatting ----------

/** "2025-06-01 14:05" in UTC: spreadsheets read it as a date-time, people read it at a glance. */
export function formatDateTime(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 16).replace("T", " ") : null;
}

export function formatDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Floating-point noise (0.30000000000000004) out of a score, without turning it into text. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

// ---------- grades: one row per learner ----------

export type LearnerGradeFacts = {
  name: string;
  email: string;
  joinedAt: Date;
  lessonProgress: ReadonlyArray<{ lessonSlug: string; completedAt: Date | null; lastSeenAt: Date }>;
  /** All of the learner's attempts (open ones count for "last active" only). */
  attempts: ReadonlyArray<{
    quizSlug: string;
    kind: string;
    /** "practice" | "check": only check mode counts as a grade. */
    mode?: string;
    status: string;
    score: number | null;
    maxScore: number | null;
    startedAt: Date;
    submittedAt: Date | null;
  }>;
  /** One entry per lab and outcome is enough: the latest run of each. */
  labRuns: ReadonlyArray<{ labSlug: string; passed: boolean; createdAt: Date }>;
  /** Interview answers in submitted attempts. */
  interviewAnswers: ReadonlyArray<{ reviewedAt: Date | null }>;
  /** Practice mode: checks used and answers the learner chose to see, over all practice attempts. */
  practice?: { checks: number; answersShown: number };
};

export function gradesHeader(catalog: ExportCatalog): string[] {
  return [
    "Name",
    "Email",
    "Joined (UTC)",
    `Lessons completed (of ${catalog.lessons.length})`,
    ...catalog.lessons.map((lesson) => `Best quiz score % – ${lesson.title}`),
    `Labs passed (of ${catalog.labSlugs.length})`,
    "Interview answers graded",
    "Interview answers waiting",
    "Practice checks used",
    "Practice answers shown",
    "Last active (UTC)",
  ];
}

/** Best submitted lesson-quiz score per lesson, in percent (one decimal). */
export function bestQuizPercents(attempts: LearnerGradeFacts["attempts"]): Map<string, number> {
  const best = new Map<string, number>();
  for (const attempt of attempts) {
    // Practice attempts are not grades: hints and revealed keys make their scores meaningless as such.
    if (attempt.kind !== "lesson" || attempt.status !== "submitted" || (attempt.mode ?? "check") !== "check")
      continue;
    if (attempt.score === null || !attempt.maxScore) continue;
    const percent = round((attempt.score / attempt.maxScore) * 100, 1);
    best.set(attempt.quizSlug, Math.max(best.get(attempt.quizSlug) ?? 0, percent));
  }
  return best;
}

export function lastActiveAt(facts: Omit<LearnerGradeFacts, "name" | "email" | "joinedAt">): Date | null {
  const times = [
    ...facts.lessonProgress.flatMap((entry) => [entry.lastSeenAt, entry.completedAt]),
    ...facts.attempts.flatMap((attempt) => [attempt.startedAt, attempt.submittedAt]),
    ...facts.labRuns.map((run) => run.createdAt),
  ].filter((time): time is Date => time !== null);
  if (times.length === 0) return null;
  return new Date(Math.max(...times.map((time) => time.getTime())));
}

export function gradeRow(facts: LearnerGradeFacts, catalog: ExportCatalog): CsvCell[] {
  const lessonSlugs = new Set(catalog.lessons.map((lesson) => lesson.slug));
  const completed = new Set(
    facts.lessonProgress
      .filter((entry) => entry.completedAt !== null && lessonSlugs.has(entry.lessonSlug))
      .map((entry) => entry.lessonSlug),
  );
  const labSlugs = new Set(catalog.labSlugs);
  const passedLabs = new Set(
    facts.labRuns.filter((run) => run.passed && labSlugs.has(run.labSlug)).map((run) => run.labSlug),
  );
  const best = bestQuizPercents(facts.attempts);
  const graded = facts.interviewAnswers.filter((answer) => answer.reviewedAt !== null).length;
  return [
    facts.name,
    facts.email,
    formatDate(facts.joinedAt),
    completed.size,
    ...catalog.lessons.map((lesson) => best.get(lesson.slug) ?? null),
    passedLabs.size,
    graded,
    facts.interviewAnswers.length - graded,
    facts.practice?.checks ?? 0,
    facts.practice?.answersShown ?? 0,
    formatDateTime(lastActiveAt(facts)),
  ];
}

// ---------- responses: one row per submitted response ----------

export const RESPONSES_HEADER = [
  "Learner",
  "Email",
  "Quiz",
  "Attempt id",
  "Attempt number",
  "Submitted at (UTC)",
  "Question id",
  "Question type",
  "Answer",
  "Automatic score (0–1)",
  "Instructor score (0–1)",
  "Final score (0–1)",
  "Instructor comment",
] as const;

export type ResponseFacts = {
  learnerName: string;
  email: string;
  quizSlug: string;
  attemptKind: string;
  attemptId: string;
  attemptNumber: number;
  submittedAt: Date | null;
  questionId: string;
  answerJson: string;
  score: number | null;
  overrideScore: number | null;
  instructorFeedback: string | null;
};

/**
 * Fill-in blanks, chosen options, true/false or the interview text, as a person would read them.
 * Null when the question was left unanswered (submitting stores the JSON `null` for it).
 */
export function readableAnswer(answerJson: string, question: Question | undefined): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(answerJson);
  } catch {
    return answerJson;
  }
  if (raw === null) return null;
  const parsed = AnswerSchema.safeParse(raw);
  if (!parsed.success) return answerJson;
  const answer = parsed.data;
  switch (answer.type) {
    case "fill-in":
      return answer.blanks.join(" | ");
    case "true-false":
      return answer.value ? "true" : "false";
    case "interview":
      return answer.text;
    case "multiple-choice": {
      const options = question?.type === "multiple-choice" ? question.options : [];
      return answer.selected.map((id) => options.find((option) => option.id === id)?.text ?? id).join(" | ");
    }
  }
}

function answerType(answerJson: string): QuestionType | null {
  try {
    const parsed = AnswerSchema.safeParse(JSON.parse(answerJson));
    return parsed.success ? parsed.data.type : null;
  } catch {
    return null;
  }
}

export function quizLabel(quizSlug: string, attemptKind: string, catalog: ExportCatalog): string {
  if (attemptKind === "review") return "Review of mistakes";
  return catalog.lessons.find((lesson) => lesson.slug === quizSlug)?.title ?? quizSlug;
}

export function responseRow(facts: ResponseFacts, catalog: ExportCatalog): CsvCell[] {
  const question = catalog.questions.get(facts.questionId);
  const automatic = facts.score === null ? null : round(facts.score, 4);
  const instructor = facts.overrideScore === null ? null : round(facts.overrideScore, 4);
  return [
    facts.learnerName,
    facts.email,
    quizLabel(facts.quizSlug, facts.attemptKind, catalog),
    facts.attemptId,
    facts.attemptNumber,
    formatDateTime(facts.submittedAt),
    facts.questionId,
    question?.type ?? answerType(facts.answerJson),
    readableAnswer(facts.answerJson, question),
    automatic,
    instructor,
    instructor ?? automatic,
    facts.instructorFeedback,
  ];
}
