import type { Db } from "@/lib/db";
import { insertUser } from "@/lib/testing/test-db";

// Shared by the exports integration tests: a small cohort with known answers (catalog: exports-test-catalog.ts).

const at = (iso: string) => new Date(iso);

/**
 * Cohort with an instructor and three learners (Ann: two alpha attempts, a review, lessons and labs;
 * "=Bob": nothing yet; Cy: one perfect one-question attempt); a second cohort with its own instructor and a learner whose rows must never
 * appear in the first cohort's files.
 */
export async function seedExportCohort(db: Db) {
  const teacher = await insertUser(db, "instructor", "Teacher");
  const otherTeacher = await insertUser(db, "instructor", "Other teacher");
  const ann = await insertUser(db, "learner", 'Ann Zoë, "AZ"');
  const bob = await insertUser(db, "learner", "=Bob");
  const cy = await insertUser(db, "learner", "Cy");
  const outsider = await insertUser(db, "learner", "Outsider");
  const code = () => `C${Math.random().toString(36).slice(2, 9).toUpperCase()}`;
  const cohort = await db.cohort.create({
    data: { name: "Cohort A", joinCode: code(), createdById: teacher.id },
  });
  const otherCohort = await db.cohort.create({
    data: { name: "Cohort B", joinCode: code(), createdById: otherTeacher.id },
  });
  await db.cohortMembership.createMany({
    data: [
      { cohortId: cohort.id, userId: teacher.id, role: "instructor", joinedAt: at("2025-01-01T00:00:00Z") },
      { cohortId: cohort.id, userId: ann.id, role: "learner", joinedAt: at("2025-01-02T09:00:00Z") },
      { cohortId: cohort.id, userId: bob.id, role: "learner", joinedAt: at("2025-01-03T09:00:00Z") },
      { cohortId: cohort.id, userId: cy.id, role: "learner", joinedAt: at("2025-01-04T09:00:00Z") },
      { cohortId: otherCohort.id, userId: otherTeacher.id, role: "instructor" },
      { cohortId: otherCohort.id, userId: outsider.id, role: "learner" },
    ],
  });
  await db.lessonProgress.createMany({
    data: [
      {
        userId: ann.id,
        lessonSlug: "alpha",
        completedAt: at("2025-01-05T10:00:00Z"),
        lastSeenAt: at("2025-01-05T10:00:00Z"),
      },
      { userId: ann.id, lessonSlug: "beta", lastSeenAt: at("2025-01-06T11:00:00Z") },
      { userId: outsider.id, lessonSlug: "alpha", completedAt: at("2025-01-05T10:00:00Z") },
    ],
  });
  await db.labRun.createMany({
    data: [
      {
        userId: ann.id,
        labSlug: "lab-one",
        code: "x",
        params: "{}",
        passed: false,
        verdict: "{}",
        createdAt: at("2025-01-06T12:00:00Z"),
      },
      {
        userId: ann.id,
        labSlug: "lab-one",
        code: "x",
        params: "{}",
        passed: true,
        verdict: "{}",
        createdAt: at("2025-01-07T12:30:00Z"),
      },
      {
        userId: ann.id,
        labSlug: "lab-one",
        code: "x",
        params: "{}",
        passed: true,
        verdict: "{}",
        createdAt: at("2025-01-07T12:00:00Z"),
      },
      {
        userId: ann.id,
        labSlug: "lab-two",
        code: "x",
        params: "{}",
        passed: false,
        verdict: "{}",
        createdAt: at("2025-01-07T13:00:00Z"),
      },
    ],
  });
  const answers = {
    fill: JSON.stringify({ type: "fill-in", blanks: ["SIGTERM", "sig kill"] }),
    choice: JSON.stringify({ type: "multiple-choice", selected: ["a", "c"] }),
    truth: JSON.stringify({ type: "true-false", value: false }),
    talk: JSON.stringify({ type: "interview", text: 'Catch SIGTERM,\nthen drain.\n"Done"' }),
  };
  const ids = ["fill", "choice", "truth", "talk"] as const;
  const first = await db.quizAttempt.create({
    data: {
      userId: ann.id,
      quizSlug: "alpha",
      questionIds: JSON.stringify(ids),
      status: "submitted",
      score: 2,
      maxScore: 4,
      startedAt: at("2025-01-05T11:00:00Z"),
      submittedAt: at("2025-01-05T11:20:00Z"),
      responses: {
        create: ids.map((questionId) => ({
          questionId,
          answer: answers[questionId],
          score:
            questionId === "fill" ? 0.5 : questionId === "choice" ? 0.5 : questionId === "talk" ? 0.25 : 0,
          maxScore: 1,
          ...(questionId === "talk"
            ? {
                overrideScore: 1,
                instructorFeedback: "-Good, but name the signal.",
                reviewedAt: at("2025-01-08T09:00:00Z"),
              }
            : {}),
        })),
      },
    },
  });
  const second = await db.quizAttempt.create({
    data: {
      userId: ann.id,
      quizSlug: "alpha",
      questionIds: JSON.stringify(["truth", "talk"]),
      status: "submitted",
      score: 1.75,
      maxScore: 2,
      startedAt: at("2025-01-06T08:00:00Z"),
      submittedAt: at("2025-01-06T08:10:00Z"),
      responses: {
        create: [
          {
            questionId: "talk",
            answer: JSON.stringify({ type: "interview", text: "Drain" }),
            score: 0.75,
            maxScore: 1,
          },
          {
            questionId: "truth",
            answer: JSON.stringify({ type: "true-false", value: true }),
            score: 1,
            maxScore: 1,
          },
        ],
      },
    },
  });
  const review = await db.quizAttempt.create({
    data: {
      userId: ann.id,
      quizSlug: "review",
      kind: "review",
      mode: "practice",
      questionIds: JSON.stringify(["fill"]),
      status: "submitted",
      score: 1,
      maxScore: 1,
      startedAt: at("2025-01-09T08:00:00Z"),
      submittedAt: at("2025-01-09T08:05:00Z"),
      responses: {
        create: [
          {
            questionId: "fill",
            answer: JSON.stringify({ type: "fill-in", blanks: ["SIGTERM", "SIGKILL"] }),
            score: 1,
            maxScore: 1,
          },
        ],
      },
    },
  });
  // A practice attempt scoring 100 % (hints and a revealed key): not a grade, but its effort is exported.
  await db.quizAttempt.create({
    data: {
      userId: ann.id,
      quizSlug: "alpha",
      mode: "practice",
      questionIds: JSON.stringify(["truth", "fill"]),
      status: "submitted",
      score: 2,
      maxScore: 2,
      startedAt: at("2025-01-09T09:00:00Z"),
      submittedAt: at("2025-01-09T09:05:00Z"),
      responses: {
        create: [
          {
            questionId: "truth",
            answer: JSON.stringify({ type: "true-false", value: true }),
            score: 1,
            maxScore: 1,
            checks: 1,
          },
          {
            questionId: "fill",
            answer: JSON.stringify({ type: "fill-in", blanks: ["SIGTERM", "SIGKILL"] }),
            score: 1,
            maxScore: 1,
            checks: 2,
            revealedAt: at("2025-01-09T09:03:00Z"),
          },
        ],
      },
    },
  });
  const cysAttempt = await db.quizAttempt.create({
    data: {
      userId: cy.id,
      quizSlug: "alpha",
      questionIds: JSON.stringify(["truth"]),
      status: "submitted",
      score: 1,
      maxScore: 1,
      startedAt: at("2025-01-04T10:00:00Z"),
      submittedAt: at("2025-01-04T10:05:00Z"),
      responses: {
        create: [
          {
            questionId: "truth",
            answer: JSON.stringify({ type: "true-false", value: true }),
            score: 1,
            maxScore: 1,
          },
        ],
      },
    },
  });
  // Not exported: an open attempt (counts only as activity) and another cohort's learner.
  await db.quizAttempt.create({
    data: {
      userId: ann.id,
      quizSlug: "beta",
      questionIds: JSON.stringify(["truth"]),
      startedAt: at("2025-01-10T07:00:00Z"),
      responses: {
        create: [{ questionId: "truth", answer: JSON.stringify({ type: "true-false", value: true }) }],
      },
    },
  });
  await db.quizAttempt.create({
    data: {
      userId: outsider.id,
      quizSlug: "alpha",
      questionIds: JSON.stringify(["truth"]),
      status: "submitted",
      score: 1,
      maxScore: 1,
      submittedAt: at("2025-01-05T11:20:00Z"),
      responses: {
        create: [
          {
            questionId: "truth",
            answer: JSON.stringify({ type: "true-false", value: true }),
            score: 1,
            maxScore: 1,
          },
        ],
      },
    },
  });
  return {
    teacher,
    otherTeacher,
    ann,
    bob,
    cy,
    outsider,
    cohort,
    otherCohort,
    attempts: { first, second, review, cys: cysAttempt },
  };
}

/** Every row of an export, batch by batch. */
export async function collectBatches<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const collected: T[][] = [];
  for await (const batch of batches) collected.push(batch);
  return collected;
}
