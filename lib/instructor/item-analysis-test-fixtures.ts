import type { Db } from "@/lib/db";
import { QuizFileSchema } from "@/lib/questions/schema";
import { insertUser } from "@/lib/testing/test-db";
import type { QuizBank } from "./item-analysis-data";

/** A two-quiz bank for the item-analysis tests (the real bank changes as content grows). */
export const fixtureBank: QuizBank = [
  QuizFileSchema.parse({
    lesson: "signals",
    title: "Signals",
    questions: [
      {
        id: "stop-signal",
        section: "stop",
        type: "fill-in",
        explanation: "docker stop sends SIGTERM first.",
        prompt: "docker stop sends ___ first.",
        blanks: [{ accept: ["SIGTERM", "TERM"] }],
      },
      {
        id: "pid-one",
        section: "pid",
        type: "true-false",
        explanation: "PID 1 has no default signal handlers.",
        statement: "PID 1 ignores signals it has no handler for.",
        answer: true,
      },
      {
        id: "grace",
        section: "grace",
        type: "multiple-choice",
        explanation: "Ten seconds.",
        prompt: "How long does docker stop wait by default?",
        options: [
          { id: "a", text: "1 s", why: "Too short." },
          { id: "b", text: "10 s", correct: true, why: "The default." },
          { id: "c", text: "30 s", why: "Kubernetes' default." },
        ],
      },
    ],
  }),
  QuizFileSchema.parse({
    lesson: "logs",
    title: "Logs",
    questions: [
      {
        id: "log-stream",
        section: "streams",
        type: "true-false",
        explanation: "stdout.",
        statement: "Containers should log to stdout.",
        answer: true,
      },
    ],
  }),
];

/** A cohort with an instructor and learners, plus another cohort with its own instructor and learner. */
export async function itemCohort(db: Db, learnerCount: number) {
  const teacher = await insertUser(db, "instructor");
  const otherTeacher = await insertUser(db, "instructor");
  const outsider = await insertUser(db, "learner");
  const learners = await Promise.all(Array.from({ length: learnerCount }, () => insertUser(db, "learner")));
  const code = () => Math.random().toString(36).slice(2, 9).toUpperCase();
  const cohort = await db.cohort.create({
    data: {
      name: "Items cohort",
      joinCode: `I${code()}`,
      createdById: teacher.id,
      memberships: {
        create: [
          { userId: teacher.id, role: "instructor" },
          ...learners.map((learner) => ({ userId: learner.id, role: "learner" })),
        ],
      },
    },
  });
  const otherCohort = await db.cohort.create({
    data: {
      name: "Other cohort",
      joinCode: `O${code()}`,
      createdById: otherTeacher.id,
      memberships: {
        create: [
          { userId: otherTeacher.id, role: "instructor" },
          { userId: outsider.id, role: "learner" },
        ],
      },
    },
  });
  return {
    cohort,
    otherCohort,
    teacher: { id: teacher.id, role: "instructor" as const },
    otherTeacher: { id: otherTeacher.id, role: "instructor" as const },
    outsider: { id: outsider.id, role: "learner" as const },
    learners: learners.map((learner) => ({ id: learner.id, role: "learner" as const })),
  };
}

export type FixtureResponse = {
  questionId: string;
  answer: unknown;
  score: number | null;
  overrideScore?: number;
  feedback?: string;
};

/** An attempt written directly (its scores are what a test states, not what grading would give). */
export async function insertAttempt(
  db: Db,
  userId: string,
  quizSlug: string,
  responses: FixtureResponse[],
  options: {
    submittedAt?: Date;
    status?: "open" | "submitted";
    kind?: "lesson" | "review";
    mode?: "check" | "practice";
  } = {},
) {
  const status = options.status ?? "submitted";
  const total = responses.reduce((sum, response) => sum + (response.overrideScore ?? response.score ?? 0), 0);
  return db.quizAttempt.create({
    data: {
      userId,
      quizSlug,
      kind: options.kind ?? "lesson",
      mode: options.mode ?? "check",
      status,
      questionIds: JSON.stringify(responses.map((response) => response.questionId)),
      score: status === "submitted" ? total : null,
      maxScore: status === "submitted" ? responses.length : null,
      submittedAt: status === "submitted" ? (options.submittedAt ?? new Date()) : null,
      responses: {
        create: responses.map((response) => ({
          questionId: response.questionId,
          answer: JSON.stringify(response.answer),
          score: response.score,
          maxScore: response.score === null ? null : 1,
          overrideScore: response.overrideScore ?? null,
          feedback: response.feedback ?? null,
        })),
      },
    },
  });
}

export const typed = (text: string) => ({ type: "fill-in", blanks: [text] });
export const truth = (value: boolean) => ({ type: "true-false", value });
export const choice = (...selected: string[]) => ({ type: "multiple-choice", selected });
