import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import type { Actor } from "@/lib/access";
import type { Db } from "@/lib/db";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { loadQuestionItemAnalysis, loadQuizItemAnalysis, type QuizBank } from "./item-analysis-data";
import { choice, fixtureBank, insertAttempt, itemCohort, truth, typed } from "./item-analysis-test-fixtures";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

/** Every quiz of the bank, loaded one at a time as the items page does. */
async function everyQuiz(db: Db, actor: Actor, cohortId: string, bank: QuizBank) {
  return {
    quizzes: await Promise.all(
      bank.map((quiz) => loadQuizItemAnalysis(db, actor, cohortId, bank, quiz.lesson)),
    ),
  };
}

describe.each(testProviders())("item analysis data (%s)", (provider) => {
  let database: TestDatabase;
  let setup: Awaited<ReturnType<typeof seed>>;

  /**
   * Five learners' first attempts at "signals" (fill-in, true/false, multiple choice):
   *   L0  SIGTERM 1 | true 1  | b 1    share 3/3
   *   L1  sigterm 1 | true 1  | c 0    share 2/3
   *   L2  SIGQUIT 0 | true 1  | b 1    share 2/3
   *   L3  SIGQUIT 0, override 0.5 | false 0 | a 0   share 0.5/3
   *   L4  (empty) 0 | false 0 | — (grace not in this attempt)   share 0/2
   * plus attempts that must NOT count: L3's later perfect attempt, L4's review attempt and open
   * attempt, L2's earlier perfect practice attempt (hints and keys shown), and a learner of another cohort.
   */
  async function seed() {
    const { db } = database;
    const people = await itemCohort(db, 5);
    const [l0, l1, l2, l3, l4] = people.learners.map((learner) => learner.id) as [
      string,
      string,
      string,
      string,
      string,
    ];
    // Inserted before L3's first attempt but submitted later: "first" goes by submission time.
    await insertAttempt(
      db,
      l3,
      "signals",
      [
        { questionId: "stop-signal", answer: typed("SIGTERM"), score: 1 },
        { questionId: "pid-one", answer: truth(true), score: 1 },
        { questionId: "grace", answer: choice("b"), score: 1 },
      ],
      { submittedAt: day(5) },
    );
    const firsts: Array<[string, Parameters<typeof insertAttempt>[3]]> = [
      [
        l0,
        [
          { questionId: "stop-signal", answer: typed("SIGTERM"), score: 1 },
          { questionId: "pid-one", answer: truth(true), score: 1 },
          { questionId: "grace", answer: choice("b"), score: 1 },
        ],
      ],
      [
        l1,
        [
          { questionId: "stop-signal", answer: typed("sigterm"), score: 1 },
          { questionId: "pid-one", answer: truth(true), score: 1 },
          { questionId: "grace", answer: choice("c"), score: 0 },
        ],
      ],
      [
        l2,
        [
          { questionId: "stop-signal", answer: typed("SIGQUIT"), score: 0 },
          { questionId: "pid-one", answer: truth(true), score: 1 },
          { questionId: "grace", answer: choice("b"), score: 1 },
        ],
      ],
      [
        l3,
        [
          { questionId: "stop-signal", answer: typed("SIGQUIT"), score: 0, overrideScore: 0.5 },
          { questionId: "pid-one", answer: truth(false), score: 0 },
          { questionId: "grace", answer: choice("a"), score: 0 },
        ],
      ],
      [
        l4,
        [
          { questionId: "stop-signal", answer: typed(""), score: 0 },
          { questionId: "pid-one", answer: truth(false), score: 0 },
        ],
      ],
    ];
    for (const [userId, responses] of firsts)
      await insertAttempt(db, userId, "signals", responses, { submittedAt: day(2) });
    await insertAttempt(
      db,
      l4,
      "signals",
      [{ questionId: "stop-signal", answer: typed("SIGTERM"), score: 1 }],
      {
        kind: "review",
        submittedAt: day(1),
      },
    );
    await insertAttempt(
      db,
      l2,
      "signals",
      [
        { questionId: "stop-signal", answer: typed("SIGTERM"), score: 1 },
        { questionId: "pid-one", answer: truth(true), score: 1 },
        { questionId: "grace", answer: choice("b"), score: 1 },
      ],
      { mode: "practice", submittedAt: day(1) },
    );
    await insertAttempt(db, l4, "logs", [{ questionId: "log-stream", answer: truth(true), score: null }], {
      status: "open",
    });
    await insertAttempt(db, people.outsider.id, "signals", [
      { questionId: "stop-signal", answer: typed("SIGKILL"), score: 0 },
    ]);
    return people;
  }

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    setup = await seed();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("analyses each quiz from the cohort learners' first submitted lesson attempts", async () => {
    const { quizzes } = await everyQuiz(database.db, setup.teacher, setup.cohort.id, fixtureBank);
    expect(quizzes.map((quiz) => [quiz.slug, quiz.analysis.learners])).toEqual([
      ["signals", 5],
      ["logs", 0],
    ]);
    const signals = quizzes[0]!.analysis;
    // Shares 1, 2/3, 2/3, 1/6, 0 → mean 2.5/5 = 0.5, median 2/3.
    expect(signals.mean).toBeCloseTo(0.5, 12);
    expect(signals.median).toBeCloseTo(2 / 3, 12);
    // grace was missing from L4's attempt: alpha over the other four.
    expect(signals.alpha.learners).toBe(4);
    const [stop, pid, grace] = signals.items;
    // stop-signal: 1, 1, 0, 0.5 (the override counts), 0 → facility 0.5; D = L0 (1) − L4 (0) = 1.
    expect(stop).toMatchObject({ questionId: "stop-signal", responses: 5, facility: 0.5, discrimination: 1 });
    expect(pid).toMatchObject({ responses: 5, facility: 0.6 });
    expect(grace).toMatchObject({ responses: 4, facility: 0.5 });
    expect(grace!.flags.map((flag) => flag.kind)).toEqual(["too-few-responses"]);
  });

  it("tallies typed answers by normalised key, with what scores now", async () => {
    const { quizzes } = await everyQuiz(database.db, setup.teacher, setup.cohort.id, fixtureBank);
    const analysis = quizzes[0]!.analysis.items[0]!.analysis;
    if (analysis.type !== "fill-in") throw new Error("expected a fill-in analysis");
    expect(analysis.blanks[0]!.rows.map((row) => [row.key, row.label, row.count, row.scores])).toEqual([
      ["sigquit", "SIGQUIT", 2, false],
      ["sigterm", "SIGTERM", 2, true],
      ["", "", 1, false],
    ]);
    expect(quizzes[0]!.analysis.items[0]!.flags.map((flag) => flag.kind)).toContain("popular-wrong-answer");
  });

  it("counts an accepted answer as scoring in the response analysis", async () => {
    const { db } = database;
    const accepted = await db.acceptedAnswer.create({
      data: {
        questionId: "stop-signal",
        blankIndex: 0,
        answer: "SIGQUIT",
        answerKey: "sigquit",
        addedById: setup.teacher.id,
      },
    });
    try {
      const result = await loadQuestionItemAnalysis(
        database.db,
        setup.teacher,
        setup.cohort.id,
        "stop-signal",
        fixtureBank,
      );
      expect(result.quiz).toEqual({ slug: "signals", title: "Signals", learners: 5 });
      expect(result.item.facility).toBe(0.5);
      if (result.item.analysis.type !== "fill-in") throw new Error("expected a fill-in analysis");
      expect(result.item.analysis.blanks[0]!.rows[0]).toMatchObject({ key: "sigquit", scores: true });
      expect(result.question.type === "fill-in" && result.question.blanks[0]!.accept).toEqual([
        "SIGTERM",
        "TERM",
        "SIGQUIT",
      ]);
      expect(result.bankQuestion.type === "fill-in" && result.bankQuestion.blanks[0]!.accept).toEqual([
        "SIGTERM",
        "TERM",
      ]);
      expect(result.accepted).toEqual([
        expect.objectContaining({
          id: accepted.id,
          blankIndex: 0,
          answer: "SIGQUIT",
          addedBy: expect.any(String),
        }),
      ]);
    } finally {
      await db.acceptedAnswer.delete({ where: { id: accepted.id } });
    }
  });

  it("refuses learners and instructors of other cohorts, and unknown cohorts or questions", async () => {
    const { db } = database;
    const { cohort, otherTeacher, learners } = setup;
    await expect(everyQuiz(db, learners[0]!, cohort.id, fixtureBank)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(everyQuiz(db, otherTeacher, cohort.id, fixtureBank)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      loadQuestionItemAnalysis(db, learners[0]!, cohort.id, "stop-signal", fixtureBank),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      loadQuestionItemAnalysis(db, otherTeacher, cohort.id, "stop-signal", fixtureBank),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(everyQuiz(db, setup.teacher, "no-such-cohort", fixtureBank)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      loadQuestionItemAnalysis(db, setup.teacher, cohort.id, "no-such-question", fixtureBank),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sees the other cohort's learner only from that cohort", async () => {
    const { quizzes } = await everyQuiz(database.db, setup.otherTeacher, setup.otherCohort.id, fixtureBank);
    expect(quizzes[0]!.analysis.learners).toBe(1);
    expect(quizzes[0]!.analysis.items[0]!.facility).toBe(0);
  });
});
