import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { countQuizTakers, loadQuizItemAnalysis } from "./item-analysis-data";
import { choice, fixtureBank, insertAttempt, itemCohort, truth, typed } from "./item-analysis-test-fixtures";

describe.each(testProviders())("item analysis one quiz at a time (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("counts who submitted each quiz, as many as the quiz's analysis counts", async () => {
    const { db } = database;
    const setup = await itemCohort(db, 6);
    // Five of six learners take "signals" with mixed results, two take "logs"; a review attempt does not count.
    const answers = ["SIGTERM", "sigterm", "SIGQUIT", "SIGTERM", ""];
    for (const [index, text] of answers.entries()) {
      await insertAttempt(db, setup.learners[index]!.id, "signals", [
        { questionId: "stop-signal", answer: typed(text), score: text.toUpperCase() === "SIGTERM" ? 1 : 0 },
        { questionId: "pid-one", answer: truth(index % 2 === 0), score: index % 2 === 0 ? 1 : 0 },
        { questionId: "grace", answer: choice(index < 3 ? "b" : "c"), score: index < 3 ? 1 : 0 },
      ]);
    }
    for (const learner of setup.learners.slice(0, 2))
      await insertAttempt(db, learner.id, "logs", [
        { questionId: "log-stream", answer: truth(true), score: 1 },
      ]);
    await insertAttempt(
      db,
      setup.learners[5]!.id,
      "logs",
      [{ questionId: "log-stream", answer: truth(true), score: 1 }],
      {
        kind: "review",
      },
    );
    const { takers } = await countQuizTakers(db, setup.teacher, setup.cohort.id);
    expect(Object.fromEntries(takers)).toEqual({ signals: 5, logs: 2 });
    for (const quiz of fixtureBank) {
      const one = await loadQuizItemAnalysis(db, setup.teacher, setup.cohort.id, fixtureBank, quiz.lesson);
      expect(one.analysis.learners).toBe(takers.get(quiz.lesson));
    }
  });

  it("refuses learners and other instructors, and names an unknown quiz", async () => {
    const { db } = database;
    const setup = await itemCohort(db, 1);
    const stranger = { id: (await insertUser(db, "instructor")).id, role: "instructor" as const };
    const learner = setup.learners[0]!;
    await expect(countQuizTakers(db, learner, setup.cohort.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countQuizTakers(db, stranger, setup.cohort.id)).rejects.toBeInstanceOf(ForbiddenError);
    const slug = fixtureBank[0]!.lesson;
    await expect(
      loadQuizItemAnalysis(db, stranger, setup.cohort.id, fixtureBank, slug),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      loadQuizItemAnalysis(db, setup.teacher, setup.cohort.id, fixtureBank, "no-such-quiz"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
