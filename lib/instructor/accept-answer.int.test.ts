import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { gradeAnswer } from "@/lib/grading/grade";
import { ConflictError } from "@/lib/progress/attempts";
import { withAcceptedAnswersFromDb } from "@/lib/questions/accepted-answers";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { acceptAnswerForEveryone, removeAcceptedAnswer } from "./accept-answer";
import { fixtureBank, insertAttempt, itemCohort, truth, typed } from "./item-analysis-test-fixtures";

describe.each(testProviders())("accept a typed answer for everyone (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  /**
   * "signals" attempts (stop-signal is fill-in with key SIGTERM; pid-one true/false):
   *   A  SIGQUIT 0            | true 1   total 1
   *   B  sigquit 0, override .5 | true 1 total 1.5
   *   C  SIGTERM 1            | false 0  total 1
   *   D  SIGQUIT, open attempt (not graded yet)
   *   E  SIGQUIT 0, learner of ANOTHER cohort (the accepted answer is global)
   */
  async function seed() {
    const { db } = database;
    const people = await itemCohort(db, 4);
    const [a, b, c, d] = people.learners.map((learner) => learner.id) as [string, string, string, string];
    const pid = (value: boolean) => ({ questionId: "pid-one", answer: truth(value), score: value ? 1 : 0 });
    const attempts = {
      a: await insertAttempt(db, a, "signals", [
        { questionId: "stop-signal", answer: typed("SIGQUIT"), score: 0, feedback: "{}" },
        pid(true),
      ]),
      b: await insertAttempt(db, b, "signals", [
        { questionId: "stop-signal", answer: typed("sigquit"), score: 0, overrideScore: 0.5 },
        pid(true),
      ]),
      c: await insertAttempt(db, c, "signals", [
        { questionId: "stop-signal", answer: typed("SIGTERM"), score: 1 },
        pid(false),
      ]),
      d: await insertAttempt(
        db,
        d,
        "signals",
        [{ questionId: "stop-signal", answer: typed("SIGQUIT"), score: null }],
        {
          status: "open",
        },
      ),
      e: await insertAttempt(db, people.outsider.id, "signals", [
        { questionId: "stop-signal", answer: typed("SIGQUIT"), score: 0 },
      ]),
    };
    return { ...people, attempts };
  }

  async function state(attemptId: string) {
    const { db } = database;
    const attempt = await db.quizAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: { responses: true },
    });
    const response = attempt.responses.find((row) => row.questionId === "stop-signal")!;
    return {
      total: attempt.score,
      score: response.score,
      override: response.overrideScore,
      feedback: response.feedback,
    };
  }

  it("stores the answer in its cohort and regrades that cohort's submitted responses, keeping overrides; other cohorts keep their grades", async () => {
    const { db } = database;
    const { cohort, teacher, attempts } = await seed();
    const result = await acceptAnswerForEveryone(
      db,
      teacher,
      { cohortId: cohort.id, questionId: "stop-signal", blankIndex: 0, answer: "SIGQUIT" },
      fixtureBank,
    );
    // Changed: A and B (its automatic score; the override still counts); C was right already; E is in another cohort.
    expect(result.changed).toBe(2);
    const row = await db.acceptedAnswer.findUniqueOrThrow({ where: { id: result.acceptedAnswerId } });
    expect(row).toMatchObject({
      questionId: "stop-signal",
      blankIndex: 0,
      answer: "SIGQUIT",
      answerKey: "sigquit",
      cohortId: cohort.id,
      addedById: teacher.id,
    });

    const a = await state(attempts.a.id);
    expect(a).toMatchObject({ score: 1, total: 2 });
    const feedback = JSON.parse(a.feedback!) as QuestionFeedback;
    expect(feedback.score).toBe(1);
    expect(feedback.detail.type === "fill-in" && feedback.detail.blanks[0]).toMatchObject({
      correct: true,
      expected: "SIGTERM",
    });
    expect(await state(attempts.b.id)).toMatchObject({ score: 1, override: 0.5, total: 1.5 });
    expect(await state(attempts.c.id)).toMatchObject({ score: 1, total: 1 });
    expect(await state(attempts.d.id)).toMatchObject({ score: null, total: null });
    // The other cohort's learner is graded as before.
    expect(await state(attempts.e.id)).toMatchObject({ score: 0, total: 0 });

    // Grading from now on: what submit and practice checks load counts the accepted answer for this
    // cohort's learners only.
    const entry = new Map([["stop-signal", { question: fixtureBank[0]!.questions[0]!, quiz: "signals" }]]);
    const gradeFor = async (userId: string | null) =>
      gradeAnswer((await withAcceptedAnswersFromDb(db, entry, userId)).get("stop-signal")!.question, {
        type: "fill-in",
        blanks: ["Sig Quit"],
      }).score;
    expect(await gradeFor(attempts.a.userId)).toBe(1);
    expect(await gradeFor(attempts.e.userId)).toBe(0);
    expect(await gradeFor(null)).toBe(0);

    // Undo regrades back.
    const undone = await removeAcceptedAnswer(
      db,
      teacher,
      { cohortId: cohort.id, acceptedAnswerId: result.acceptedAnswerId },
      fixtureBank,
    );
    expect(undone.changed).toBe(result.changed);
    expect(await state(attempts.a.id)).toMatchObject({ score: 0, total: 1 });
    expect(await state(attempts.b.id)).toMatchObject({ score: 0, override: 0.5, total: 1.5 });
    expect(await state(attempts.c.id)).toMatchObject({ score: 1, total: 1 });
    expect(await state(attempts.e.id)).toMatchObject({ score: 0, total: 0 });
    expect(await db.acceptedAnswer.count({ where: { questionId: "stop-signal" } })).toBe(0);
  });

  it("course-wide: only an administrator may accept or remove, and it regrades every cohort", async () => {
    const { db } = database;
    const { cohort, otherCohort, teacher, otherTeacher, attempts } = await seed();
    const input = {
      cohortId: cohort.id,
      questionId: "stop-signal",
      blankIndex: 0,
      answer: "SIGQUIT",
      scope: "course" as const,
    };
    await expect(acceptAnswerForEveryone(db, teacher, input, fixtureBank)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.acceptedAnswer.count({ where: { questionId: "stop-signal" } })).toBe(0);
    expect(await state(attempts.e.id)).toMatchObject({ score: 0, total: 0 });

    const admin = { ...teacher, administrator: true };
    const result = await acceptAnswerForEveryone(db, admin, input, fixtureBank);
    // Both cohorts regraded (earlier tests' attempts in this database too, so states rather than counts).
    expect(await state(attempts.a.id)).toMatchObject({ score: 1, total: 2 });
    expect(await state(attempts.e.id)).toMatchObject({ score: 1, total: 1 });
    expect(
      (await db.acceptedAnswer.findUniqueOrThrow({ where: { id: result.acceptedAnswerId } })).cohortId,
    ).toBeNull();

    // Neither this cohort's instructor nor another's may remove a course-wide answer.
    const remove = { cohortId: cohort.id, acceptedAnswerId: result.acceptedAnswerId };
    await expect(removeAcceptedAnswer(db, teacher, remove, fixtureBank)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      removeAcceptedAnswer(db, otherTeacher, { ...remove, cohortId: otherCohort.id }, fixtureBank),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.acceptedAnswer.count({ where: { questionId: "stop-signal" } })).toBe(1);
    await removeAcceptedAnswer(db, admin, remove, fixtureBank);
    expect(await state(attempts.e.id)).toMatchObject({ score: 0, total: 0 });
  });

  it("a cohort's answer cannot be removed through another cohort, even by its instructor there", async () => {
    const { db } = database;
    const { cohort, otherCohort, teacher, otherTeacher } = await seed();
    const accepted = await acceptAnswerForEveryone(
      db,
      teacher,
      { cohortId: cohort.id, questionId: "stop-signal", blankIndex: 0, answer: "SIGQUIT" },
      fixtureBank,
    );
    await expect(
      removeAcceptedAnswer(
        db,
        otherTeacher,
        { cohortId: otherCohort.id, acceptedAnswerId: accepted.acceptedAnswerId },
        fixtureBank,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.acceptedAnswer.count({ where: { id: accepted.acceptedAnswerId } })).toBe(1);
    await removeAcceptedAnswer(
      db,
      teacher,
      { cohortId: cohort.id, acceptedAnswerId: accepted.acceptedAnswerId },
      fixtureBank,
    );
  });

  it("refuses what is not a new typed answer for an existing blank", async () => {
    const { db } = database;
    const { cohort, teacher } = await seed();
    const accept = (questionId: string, blankIndex: number, answer: string) =>
      acceptAnswerForEveryone(
        db,
        teacher,
        { cohortId: cohort.id, questionId, blankIndex, answer },
        fixtureBank,
      );
    await expect(accept("stop-signal", 0, "term")).rejects.toBeInstanceOf(ConflictError); // the key has it
    await expect(accept("stop-signal", 0, "“--”")).rejects.toBeInstanceOf(ConflictError); // nothing left to compare
    await expect(accept("pid-one", 0, "yes")).rejects.toBeInstanceOf(ConflictError); // not a fill-in
    await expect(accept("stop-signal", 3, "x")).rejects.toBeInstanceOf(NotFoundError);
    await expect(accept("no-such-question", 0, "x")).rejects.toBeInstanceOf(NotFoundError);
    const first = await accept("stop-signal", 0, "SIGQUIT");
    await expect(accept("stop-signal", 0, "sig-quit")).rejects.toBeInstanceOf(ConflictError); // same key
    await removeAcceptedAnswer(
      db,
      teacher,
      { cohortId: cohort.id, acceptedAnswerId: first.acceptedAnswerId },
      fixtureBank,
    );
    await expect(
      removeAcceptedAnswer(
        db,
        teacher,
        { cohortId: cohort.id, acceptedAnswerId: first.acceptedAnswerId },
        fixtureBank,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses learners and instructors of other cohorts, changing nothing", async () => {
    const { db } = database;
    const { cohort, teacher, otherTeacher, learners, attempts } = await seed();
    const input = { cohortId: cohort.id, questionId: "stop-signal", blankIndex: 0, answer: "SIGQUIT" };
    await expect(acceptAnswerForEveryone(db, learners[0]!, input, fixtureBank)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(acceptAnswerForEveryone(db, otherTeacher, input, fixtureBank)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.acceptedAnswer.count({ where: { questionId: "stop-signal" } })).toBe(0);
    expect(await state(attempts.a.id)).toMatchObject({ score: 0, total: 1 });

    const accepted = await acceptAnswerForEveryone(db, teacher, input, fixtureBank);
    const remove = { cohortId: cohort.id, acceptedAnswerId: accepted.acceptedAnswerId };
    await expect(removeAcceptedAnswer(db, learners[0]!, remove, fixtureBank)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(removeAcceptedAnswer(db, otherTeacher, remove, fixtureBank)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.acceptedAnswer.count({ where: { questionId: "stop-signal" } })).toBe(1);
    await removeAcceptedAnswer(db, teacher, remove, fixtureBank);
  });
});
