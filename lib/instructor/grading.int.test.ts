import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { gradeResponseByRubric } from "@/lib/progress/instructor-review";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { getGradingItem, listGradingQueue } from "./grading";
import { answerInterview, bankQuestions, gradingCohort } from "./grading-test-fixtures";

describe.each(testProviders())("interview grading queue (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("lists only this cohort's submitted interview answers, oldest first, split into waiting and graded", async () => {
    const { db } = database;
    const { interview } = await bankQuestions();
    const { cohort, teacher, learners } = await gradingCohort(db, 2);
    const [ada, ben] = learners;
    // Each learner's attempts in time order (review-card scheduling expects time to move forward).
    const graded = await answerInterview(db, ada!.id, "graded", {
      submittedAt: new Date("2025-02-01T09:00:00Z"),
    });
    const newer = await answerInterview(db, ada!.id, "newer", {
      submittedAt: new Date("2025-03-02T09:00:00Z"),
    });
    const older = await answerInterview(db, ben!.id, "older", {
      submittedAt: new Date("2025-03-01T09:00:00Z"),
    });
    await answerInterview(db, ada!.id, "still typing", { submit: false });
    // A re-answer in the spaced-repetition review queue is practice, not work handed in.
    await answerInterview(db, ben!.id, "review practice", {
      kind: "review",
      submittedAt: new Date("2025-03-03T09:00:00Z"),
    });
    // A learner of another cohort only, and the instructor's own attempt: neither belongs in this queue.
    const outsider = await insertUser(db, "learner");
    await answerInterview(db, outsider.id, "outsider");
    await answerInterview(db, teacher.id, "the instructor trying it out");
    await gradeResponseByRubric(db, teacher, graded.interviewResponse.id, {
      points: interview.rubric.map((point) => ({ pointId: point.id, score: 0.5 })),
    });

    const waiting = await listGradingQueue(db, teacher, cohort.id, "waiting");
    expect(waiting.rows.map((row) => row.responseId)).toEqual([
      older.interviewResponse.id,
      newer.interviewResponse.id,
    ]);
    expect(waiting.waitingCount).toBe(2);
    expect(waiting.gradedCount).toBe(1);
    expect(waiting.rows[0]).toMatchObject({
      questionId: interview.id,
      prompt: interview.prompt,
      learnerName: ben!.name,
      gradedScore: null,
    });
    expect(waiting.rows[0]!.submittedAt.toISOString()).toBe("2025-03-01T09:00:00.000Z");

    const gradedRows = await listGradingQueue(db, teacher, cohort.id, "graded");
    expect(gradedRows.rows.map((row) => [row.responseId, row.gradedScore])).toEqual([
      [graded.interviewResponse.id, 0.5],
    ]);
    const all = await listGradingQueue(db, teacher, cohort.id, "all");
    expect(all.rows.map((row) => row.responseId)).toEqual([
      graded.interviewResponse.id,
      older.interviewResponse.id,
      newer.interviewResponse.id,
    ]);
  });

  it("opens one answer with the automatic coverage recomputed against the rubric, and its grade", async () => {
    const { db } = database;
    const { interview } = await bankQuestions();
    const { cohort, teacher, learners } = await gradingCohort(db);
    const phrase = interview.rubric[0]!.phrases[0]!;
    const text = `<script>alert(1)</script> I would mention ${phrase} here.`;
    const { interviewResponse } = await answerInterview(db, learners[0]!.id, text);

    const item = await getGradingItem(db, teacher, cohort.id, interviewResponse.id);
    expect(item.text).toBe(text);
    expect(item.modelAnswer).toBe(interview.modelAnswer);
    expect(item.points.map((point) => point.id)).toEqual(interview.rubric.map((point) => point.id));
    expect(item.points[0]).toMatchObject({ number: 1, covered: true });
    expect(item.points[0]!.matchedPhrases.map((match) => match.toLowerCase())).toContain(
      phrase.toLowerCase(),
    );
    const start = text.indexOf(phrase);
    expect(item.ranges).toContainEqual({ start, end: start + phrase.length, pointNumber: 1 });
    expect(item.grade).toBeNull();

    await gradeResponseByRubric(db, teacher, interviewResponse.id, {
      points: interview.rubric.map((point, index) => ({
        pointId: point.id,
        score: index === 0 ? 1 : 0,
        comment: index === 0 ? "Named it." : null,
      })),
      comment: "Overall fine.",
    });
    const gradedItem = await getGradingItem(db, teacher, cohort.id, interviewResponse.id);
    expect(gradedItem.grade?.comment).toBe("Overall fine.");
    expect(gradedItem.grade?.points?.[0]).toEqual({
      pointId: interview.rubric[0]!.id,
      score: 1,
      comment: "Named it.",
    });
    expect(gradedItem.gradedScore).toBeCloseTo(
      interview.rubric[0]!.weight / interview.rubric.reduce((sum, point) => sum + point.weight, 0),
      10,
    );
  });

  it("does not open other cohorts' answers or answers that are not interview answers", async () => {
    const { db } = database;
    const { cohort, teacher } = await gradingCohort(db);
    const outsider = await insertUser(db, "learner");
    const foreign = await answerInterview(db, outsider.id, "outsider");
    await expect(getGradingItem(db, teacher, cohort.id, foreign.interviewResponse.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const { learners } = await gradingCohort(db);
    const otherQuestion = await answerInterview(db, learners[0]!.id, "x");
    await expect(
      getGradingItem(db, teacher, cohort.id, otherQuestion.otherResponse!.id),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses learners and instructors of other cohorts; an unknown cohort is not found", async () => {
    const { db } = database;
    const { cohort, otherTeacher, learners } = await gradingCohort(db);
    const { interviewResponse } = await answerInterview(db, learners[0]!.id, "text");
    for (const actor of [otherTeacher, learners[0]!]) {
      await expect(listGradingQueue(db, actor, cohort.id, "waiting")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getGradingItem(db, actor, cohort.id, interviewResponse.id)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await expect(listGradingQueue(db, otherTeacher, "no-such-cohort", "all")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
