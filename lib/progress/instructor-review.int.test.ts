import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { answerInterview, bankQuestions, gradingCohort } from "@/lib/instructor/grading-test-fixtures";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { ConflictError, openAttempt, saveResponse, submitAttempt } from "./attempts";
import {
  gradeResponseByRubric,
  InvalidGradeError,
  overrideResponseScore,
  teachesLearner,
} from "./instructor-review";

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

describe.each(testProviders())("grading an interview answer by rubric point (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  function fullMarks(rubric: Array<{ id: string }>, score = 1) {
    return rubric.map((point) => ({ pointId: point.id, score }));
  }

  it("stores each point's grade and comments, scores by weight and recomputes the attempt total", async () => {
    const { db } = database;
    const { interview } = await bankQuestions();
    const { teacher, learners } = await gradingCohort(db);
    const { attemptId, interviewResponse } = await answerInterview(db, learners[0]!.id, "No idea.");
    const [first, second, ...rest] = interview.rubric;
    const now = new Date("2025-05-01T10:00:00Z");
    await gradeResponseByRubric(
      db,
      teacher,
      interviewResponse.id,
      {
        // Given out of order: stored in the rubric's order.
        points: [
          ...rest.map((point) => ({ pointId: point.id, score: 0 })),
          { pointId: second!.id, score: 0.5, comment: "  Say what readiness removes. " },
          { pointId: first!.id, score: 1, comment: "" },
        ],
        comment: "  Good start. ",
      },
      now,
    );
    const totalWeight = interview.rubric.reduce((sum, point) => sum + point.weight, 0);
    const expected = (first!.weight + 0.5 * second!.weight) / totalWeight;

    const stored = await db.quizResponse.findUniqueOrThrow({ where: { id: interviewResponse.id } });
    expect(stored.overrideScore).toBeCloseTo(expected, 10);
    expect(stored.score).toBe(interviewResponse.score); // the automatic score is kept
    expect(stored.instructorFeedback).toBe("Good start.");
    expect(stored.reviewedAt?.toISOString()).toBe(now.toISOString());
    expect(stored.reviewedById).toBe(teacher.id);
    expect(JSON.parse(stored.rubricGrades ?? "null")).toEqual([
      { pointId: first!.id, score: 1, comment: null },
      { pointId: second!.id, score: 0.5, comment: "Say what readiness removes." },
      ...rest.map((point) => ({ pointId: point.id, score: 0, comment: null })),
    ]);
    // The other question scored 1 automatically.
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.score).toBeCloseTo(1 + expected, 10);

    // Grading again replaces the grade and the total.
    await gradeResponseByRubric(db, teacher, interviewResponse.id, { points: fullMarks(interview.rubric) });
    const regraded = await db.quizResponse.findUniqueOrThrow({ where: { id: interviewResponse.id } });
    expect(regraded.overrideScore).toBe(1);
    expect(regraded.instructorFeedback).toBeNull();
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).score).toBe(2);
  });

  it("refuses unknown, missing and repeated rubric points with messages that say what to do", async () => {
    const { db } = database;
    const { interview } = await bankQuestions();
    const { teacher, learners } = await gradingCohort(db);
    const { interviewResponse } = await answerInterview(db, learners[0]!.id, "text");
    const grade = (points: Array<{ pointId: string; score: number }>) =>
      gradeResponseByRubric(db, teacher, interviewResponse.id, { points });

    await expect(grade([...fullMarks(interview.rubric), { pointId: "made-up", score: 1 }])).rejects.toThrow(
      /no point "made-up".*Reload/,
    );
    await expect(grade(fullMarks(interview.rubric).slice(1))).rejects.toThrow(
      new RegExp(`missing: "${interview.rubric[0]!.id}"`),
    );
    await expect(grade([...fullMarks(interview.rubric), fullMarks(interview.rubric)[0]!])).rejects.toThrow(
      /graded twice/,
    );
    await expect(grade(fullMarks(interview.rubric, 1.5))).rejects.toBeInstanceOf(InvalidGradeError);
    await expect(grade([])).rejects.toBeInstanceOf(InvalidGradeError);
    // Nothing was stored by the refused attempts.
    const stored = await db.quizResponse.findUniqueOrThrow({ where: { id: interviewResponse.id } });
    expect(stored.overrideScore).toBeNull();
    expect(stored.rubricGrades).toBeNull();
  });

  it("refuses answers to other question types and answers in open attempts", async () => {
    const { db } = database;
    const { interview } = await bankQuestions();
    const { teacher, learners } = await gradingCohort(db);
    const submitted = await answerInterview(db, learners[0]!.id, "text");
    await expect(
      gradeResponseByRubric(db, teacher, submitted.otherResponse!.id, {
        points: fullMarks(interview.rubric),
      }),
    ).rejects.toThrow(/Only interview answers are graded by rubric/);
    const open = await answerInterview(db, learners[0]!.id, "draft", { submit: false });
    await expect(
      gradeResponseByRubric(db, teacher, open.interviewResponse.id, { points: fullMarks(interview.rubric) }),
    ).rejects.toThrow(/still open/);
    await expect(
      gradeResponseByRubric(db, teacher, "no-such-response", { points: fullMarks(interview.rubric) }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses learners (even the answer's author) and instructors of other cohorts", async () => {
    const { db } = database;
    const { interview } = await bankQuestions();
    const { otherTeacher, learners } = await gradingCohort(db);
    const { interviewResponse } = await answerInterview(db, learners[0]!.id, "text");
    const input = { points: fullMarks(interview.rubric) };
    await expect(gradeResponseByRubric(db, otherTeacher, interviewResponse.id, input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(gradeResponseByRubric(db, learners[0]!, interviewResponse.id, input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const stored = await db.quizResponse.findUniqueOrThrow({ where: { id: interviewResponse.id } });
    expect(stored.overrideScore).toBeNull();
  });
});
