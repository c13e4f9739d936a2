import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/access";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { ConflictError, openAttempt, saveResponse, submitAttempt } from "./attempts";
import { overrideResponseScore, teachesLearner } from "./instructor-review";

describe.each(testProviders())("instructor review of answers (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  async function setup() {
    const { db } = database;
    const teacher = await insertUser(db, "instructor");
    const otherTeacher = await insertUser(db, "instructor");
    const learner = await insertUser(db, "learner");
    const cohort = await db.cohort.create({
      data: {
        name: "A",
        joinCode: `C${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
        createdById: teacher.id,
      },
    });
    await db.cohortMembership.createMany({
      data: [
        { cohortId: cohort.id, userId: teacher.id, role: "instructor" },
        { cohortId: cohort.id, userId: learner.id, role: "learner" },
      ],
    });
    const attempt = await openAttempt(
      db,
      { kind: "user", id: learner.id },
      { quizSlug: "q", kind: "lesson", mode: "check", questionIds: ["a", "b"], seed: 1 },
    );
    await saveResponse(
      db,
      { kind: "user", id: learner.id },
      attempt.id,
      "a",
      '{"type":"interview","text":"x"}',
    );
    return { teacher, otherTeacher, learner, attempt };
  }

  it("lets the learner's instructor override a score, and recomputes the attempt total", async () => {
    const { db } = database;
    const { teacher, learner, attempt } = await setup();
    await submitAttempt(db, { kind: "user", id: learner.id }, attempt.id, () => [
      { questionId: "a", answerJson: "{}", score: 0.25, feedbackJson: "{}" },
      { questionId: "b", answerJson: "{}", score: 1, feedbackJson: "{}" },
    ]);
    const response = await db.quizResponse.findUniqueOrThrow({
      where: { attemptId_questionId: { attemptId: attempt.id, questionId: "a" } },
    });
    await overrideResponseScore(db, { id: teacher.id, role: "instructor" }, response.id, {
      score: 0.75,
      feedback: "  Good on readiness. ",
    });
    const updated = await db.quizResponse.findUniqueOrThrow({ where: { id: response.id } });
    expect(updated.overrideScore).toBe(0.75);
    expect(updated.instructorFeedback).toBe("Good on readiness.");
    expect(updated.score).toBe(0.25); // the automatic score is kept for analysis
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).score).toBe(1.75);
  });

  it("refuses instructors of other cohorts, learners, open attempts and out-of-range scores", async () => {
    const { db } = database;
    const { teacher, otherTeacher, learner, attempt } = await setup();
    const response = await db.quizResponse.findFirstOrThrow({ where: { attemptId: attempt.id } });
    await expect(teachesLearner(db, { id: otherTeacher.id, role: "instructor" }, learner.id)).resolves.toBe(
      false,
    );
    await expect(teachesLearner(db, { id: teacher.id, role: "instructor" }, learner.id)).resolves.toBe(true);
    await expect(
      overrideResponseScore(db, { id: otherTeacher.id, role: "instructor" }, response.id, {
        score: 1,
        feedback: "",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      overrideResponseScore(db, { id: learner.id, role: "learner" }, response.id, { score: 1, feedback: "" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      overrideResponseScore(db, { id: teacher.id, role: "instructor" }, response.id, {
        score: 1,
        feedback: "",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await submitAttempt(db, { kind: "user", id: learner.id }, attempt.id, () => [
      { questionId: "a", answerJson: "{}", score: 0, feedbackJson: "{}" },
    ]);
    await expect(
      overrideResponseScore(db, { id: teacher.id, role: "instructor" }, response.id, {
        score: 1.5,
        feedback: "",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
