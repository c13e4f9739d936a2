import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import type { Answer } from "@/lib/grading/answer-schema";
import type { Question } from "@/lib/questions/schema";
import { AnswerValidationError } from "@/lib/questions/validate-answer";
import { nextCardState, type CardState } from "@/lib/review/schedule";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import {
  claimAnonymousAttempts,
  ConflictError,
  dueReviewCards,
  getAttempt,
  listAttempts,
  openAttempt,
  recordPracticeCheck,
  revealPracticeAnswer,
  saveCheckedResponse,
  saveResponse,
  submitAttempt,
  type AttemptKind,
  type AttemptMode,
  type GradedResponse,
  type Learner,
} from "./attempts";

const T1 = new Date("2026-02-03T08:00:00.000Z");
const T2 = new Date("2026-02-04T08:30:00.000Z");
const DAY = 24 * 60 * 60_000;

describe.each(testProviders())("quiz attempts (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  function unique(prefix: string): string {
    return `${prefix}-${randomBytes(5).toString("hex")}`;
  }

  async function user(): Promise<Learner & { kind: "user" }> {
    return { kind: "user", id: (await insertUser(t.db, "learner")).id };
  }

  function anon(): Learner & { kind: "anon" } {
    const anonId = randomBytes(16).toString("base64url");
    expect(anonId).toHaveLength(22);
    return { kind: "anon", anonId };
  }

  /** A fresh quiz with its own question ids, so tests never share rows. */
  function quiz(count = 3) {
    const slug = unique("quiz");
    return { slug, questionIds: Array.from({ length: count }, (_, i) => `${slug}-q${i + 1}`) };
  }

  function open(
    learner: Learner,
    q: { slug: string; questionIds: string[] },
    mode: AttemptMode = "check",
    kind: AttemptKind = "lesson",
  ) {
    return openAttempt(t.db, learner, { quizSlug: q.slug, kind, mode, questionIds: q.questionIds, seed: 7 });
  }

  /**
   * A grade callback that records what it was given and scores every question
   * with `scores` (question id → score; unlisted questions score 0). Each call
   * adds `call * 0.001` to the feedback, so a second grading would be visible.
   */
  function grader(questionIds: string[], scores: Record<string, number>) {
    const calls: Array<Map<string, string>> = [];
    const grade = (answers: Map<string, string>): GradedResponse[] => {
      calls.push(new Map(answers));
      const call = calls.length;
      return questionIds.map((questionId) => ({
        questionId,
        answerJson: answers.get(questionId) ?? "null",
        score: scores[questionId] ?? 0,
        feedbackJson: JSON.stringify({ call }),
      }));
    };
    return { grade, calls };
  }

  describe("openAttempt", () => {
    it("creates an open attempt with the question ids, seed, kind and mode", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q, "practice");
      expect(attempt).toMatchObject({
        userId: me.id,
        anonId: null,
        quizSlug: q.slug,
        kind: "lesson",
        mode: "practice",
        status: "open",
        seed: 7,
        score: null,
        submittedAt: null,
      });
      expect(JSON.parse(attempt.questionIds)).toEqual(q.questionIds);
    });

    it("reuses the open lesson attempt of the same learner, quiz and mode (a reload)", async () => {
      for (const learner of [await user(), anon()]) {
        const q = quiz();
        const first = await open(learner, q, "check");
        const reload = await open(learner, q, "check");
        expect(reload.id).toBe(first.id);
        expect(await t.db.quizAttempt.count({ where: { quizSlug: q.slug } })).toBe(1);
      }
    });

    it("does not reuse across modes, quizzes or learners", async () => {
      const me = await user();
      const other = await user();
      const stranger = anon();
      const q = quiz();
      const check = await open(me, q, "check");
      const practice = await open(me, q, "practice");
      const otherQuiz = await open(me, quiz(), "check");
      const theirs = await open(other, q, "check");
      const anonymous = await open(stranger, q, "check");
      const ids = [check.id, practice.id, otherQuiz.id, theirs.id, anonymous.id];
      expect(new Set(ids).size).toBe(ids.length);
      // Each of them is then reused by its own learner and mode.
      expect((await open(me, q, "practice")).id).toBe(practice.id);
      expect((await open(me, q, "check")).id).toBe(check.id);
      expect((await open(stranger, q, "check")).id).toBe(anonymous.id);
    });

    it("starts a new attempt once the open one is submitted", async () => {
      const me = await user();
      const q = quiz();
      const first = await open(me, q);
      await submitAttempt(t.db, me, first.id, grader(q.questionIds, {}).grade, T1);
      const next = await open(me, q);
      expect(next.id).not.toBe(first.id);
      expect(next.status).toBe("open");
      expect((await open(me, q)).id).toBe(next.id);
    });

    it("always starts a new attempt for kind review", async () => {
      const me = await user();
      const q = quiz();
      const first = await open(me, q, "check", "review");
      const second = await open(me, q, "check", "review");
      expect(second.id).not.toBe(first.id);
      expect([first.kind, second.kind, first.status, second.status]).toEqual([
        "review",
        "review",
        "open",
        "open",
      ]);
      // An open review attempt is not picked up as the lesson attempt either.
      const lesson = await open(me, q, "check", "lesson");
      expect([first.id, second.id]).not.toContain(lesson.id);
      expect(await t.db.quizAttempt.count({ where: { quizSlug: q.slug } })).toBe(3);
    });

    it("starts a review attempt even while a lesson attempt at the same quiz and mode is open", async () => {
      const me = await user();
      const q = quiz();
      const lesson = await open(me, q, "practice", "lesson");
      const review = await open(me, q, "practice", "review");
      expect(review.id).not.toBe(lesson.id);
      expect(review).toMatchObject({ kind: "review", mode: "practice", status: "open" });
      // And the lesson attempt is still the one a reload gets.
      expect((await open(me, q, "practice", "lesson")).id).toBe(lesson.id);
    });
  });

  describe("getAttempt", () => {
    it("gives the owner the attempt with parsed question ids and its responses", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      await saveResponse(t.db, me, attempt.id, q.questionIds[1]!, '"b"');
      const got = await getAttempt(t.db, me, attempt.id);
      expect(got.id).toBe(attempt.id);
      expect(got.questionIds).toEqual(q.questionIds);
      expect(got.responses.map((r) => [r.questionId, r.answer])).toEqual([[q.questionIds[1], '"b"']]);
    });

    it("gives an anonymous owner the attempt", async () => {
      const me = anon();
      const q = quiz();
      const attempt = await open(me, q);
      const got = await getAttempt(t.db, { kind: "anon", anonId: me.anonId }, attempt.id);
      expect(got.id).toBe(attempt.id);
      expect(got.questionIds).toEqual(q.questionIds);
    });

    it("refuses another user with ForbiddenError", async () => {
      const attempt = await open(await user(), quiz());
      await expect(getAttempt(t.db, await user(), attempt.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("refuses an anonymous learner with a different anonId with ForbiddenError", async () => {
      const attempt = await open(anon(), quiz());
      await expect(getAttempt(t.db, anon(), attempt.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("refuses a signed-in user an anonymous attempt, and an anonymous learner a user's attempt", async () => {
      const anonAttempt = await open(anon(), quiz());
      await expect(getAttempt(t.db, await user(), anonAttempt.id)).rejects.toBeInstanceOf(ForbiddenError);
      const userAttempt = await open(await user(), quiz());
      await expect(getAttempt(t.db, anon(), userAttempt.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("refuses an anonId an attempt that an account owns, even one that still carries that anonId", async () => {
      const browser = anon();
      const owner = await user();
      const q = quiz();
      const row = await t.db.quizAttempt.create({
        data: {
          userId: owner.id,
          anonId: browser.anonId,
          quizSlug: q.slug,
          questionIds: JSON.stringify(q.questionIds),
        },
      });
      await expect(getAttempt(t.db, browser, row.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect((await getAttempt(t.db, owner, row.id)).id).toBe(row.id);
    });

    it("answers an unknown id with NotFoundError", async () => {
      await expect(getAttempt(t.db, await user(), "no-such-attempt")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("no longer lets the old anonId read an attempt claimed by a user", async () => {
      const before = anon();
      const q = quiz();
      const attempt = await open(before, q);
      expect((await getAttempt(t.db, before, attempt.id)).id).toBe(attempt.id);
      const me = await user();
      expect(await claimAnonymousAttempts(t.db, me.id, before.anonId)).toBe(1);
      await expect(getAttempt(t.db, before, attempt.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect((await getAttempt(t.db, me, attempt.id)).id).toBe(attempt.id);
    });
  });

  describe("saveResponse", () => {
    it("upserts: the latest answer wins, one row per question", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      const [q1, q2] = [q.questionIds[0]!, q.questionIds[1]!];
      await saveResponse(t.db, me, attempt.id, q1, '"a"');
      await saveResponse(t.db, me, attempt.id, q2, '"x"');
      await saveResponse(t.db, me, attempt.id, q1, '"c"');
      const saved = await saveResponse(t.db, me, attempt.id, q1, '"d"');
      expect(saved).toMatchObject({ attemptId: attempt.id, questionId: q1, answer: '"d"' });

      const rows = await t.db.quizResponse.findMany({
        where: { attemptId: attempt.id },
        orderBy: { questionId: "asc" },
      });
      expect(rows.map((r) => [r.questionId, r.answer])).toEqual([
        [q1, '"d"'],
        [q2, '"x"'],
      ]);
    });

    it("works for an anonymous owner and refuses anybody else", async () => {
      const me = anon();
      const q = quiz();
      const attempt = await open(me, q);
      await saveResponse(t.db, me, attempt.id, q.questionIds[0]!, "1");
      await expect(saveResponse(t.db, anon(), attempt.id, q.questionIds[0]!, "2")).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      const rows = await t.db.quizResponse.findMany({ where: { attemptId: attempt.id } });
      expect(rows.map((r) => r.answer)).toEqual(["1"]);
    });

    it("rejects a question that is not in the attempt with NotFoundError", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      await expect(saveResponse(t.db, me, attempt.id, `${q.slug}-other`, '"a"')).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await t.db.quizResponse.count({ where: { attemptId: attempt.id } })).toBe(0);
    });

    it("rejects a submitted attempt with ConflictError and keeps the submitted answer", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      const q1 = q.questionIds[0]!;
      await saveResponse(t.db, me, attempt.id, q1, '"first"');
      await submitAttempt(t.db, me, attempt.id, grader(q.questionIds, { [q1]: 1 }).grade, T1);

      const error = await saveResponse(t.db, me, attempt.id, q1, '"late"').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).status).toBe(409);
      const row = await t.db.quizResponse.findUniqueOrThrow({
        where: { attemptId_questionId: { attemptId: attempt.id, questionId: q1 } },
      });
      expect(row.answer).toBe('"first"');
    });

    it("stores the save time as Prisma reads it, and a save of one question never touches another", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      const [q1, q2] = [q.questionIds[0]!, q.questionIds[1]!];
      await saveResponse(t.db, me, attempt.id, q1, '"a"', T1);
      const saved = await saveResponse(t.db, me, attempt.id, q2, '"b"', T2);
      expect(saved.updatedAt).toEqual(T2);
      const rows = await t.db.quizResponse.findMany({
        where: { attemptId: attempt.id },
        orderBy: { questionId: "asc" },
      });
      expect(rows.map((r) => [r.questionId, r.answer, r.updatedAt, r.checks])).toEqual([
        [q1, '"a"', T1, 0],
        [q2, '"b"', T2, 0],
      ]);
    });

    it("racing a submit's claim, is refused once the claim commits (never stored but ungraded)", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      let saving: Promise<unknown> | undefined;
      await t.db.$transaction(async (tx) => {
        await tx.quizAttempt.update({ where: { id: attempt.id }, data: { status: "submitted" } });
        saving = saveResponse(t.db, me, attempt.id, q.questionIds[0]!, '"late"').catch(
          (error: unknown) => error,
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
      expect(await saving).toBeInstanceOf(ConflictError);
      expect(await t.db.quizResponse.count({ where: { attemptId: attempt.id } })).toBe(0);
    });

    it("is never swallowed by another request's transaction that rolls back", async () => {
      // On SQLite, Prisma's transactions and the autosave statement share one connection.
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q);
      let saving: Promise<unknown> | undefined;
      const rolledBack = await t.db
        .$transaction(async (tx) => {
          await tx.quizAttempt.update({ where: { id: attempt.id }, data: { seed: 99 } });
          saving = saveResponse(t.db, me, attempt.id, q.questionIds[0]!, '"kept"');
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error("roll back");
        })
        .catch((error: unknown) => error);
      expect(rolledBack).toBeInstanceOf(Error);
      await saving;
      const stored = await t.db.quizAttempt.findUniqueOrThrow({
        where: { id: attempt.id },
        include: { responses: true },
      });
      expect(stored.seed).toBe(7);
      expect(stored.responses.map((r) => r.answer)).toEqual(['"kept"']);
    });
  });

  describe("saveCheckedResponse: every answer is checked against its question before it is stored", () => {
    const base = { section: "s", origin: "shipshape" as const, explanation: "e" };
    const choice = (id: string): Question => ({
      ...base,
      id,
      type: "multiple-choice",
      prompt: "p",
      options: ["a", "b", "c", "d"].map((option) => ({
        id: option,
        text: option,
        correct: option === "b",
        why: "w",
      })),
    });
    const fillIn = (id: string): Question => ({
      ...base,
      id,
      type: "fill-in",
      prompt: "x ___",
      blanks: [{ accept: ["y"], values: {} }],
      unordered: [],
    });

    it.each<[string, "choice" | "fill", Answer, string]>([
      [
        "an option the question does not have",
        "choice",
        { type: "multiple-choice", selected: ["z"] },
        "unknown-option",
      ],
      [
        "two options on a single-answer question",
        "choice",
        { type: "multiple-choice", selected: ["a", "b"] },
        "too-many-options",
      ],
      [
        "the same option twice",
        "choice",
        { type: "multiple-choice", selected: ["b", "b"] },
        "too-many-options",
      ],
      [
        "six blanks for a one-blank question",
        "fill",
        { type: "fill-in", blanks: ["1", "2", "3", "4", "5", "6"] },
        "blank-count",
      ],
      ["no blanks at all", "fill", { type: "fill-in", blanks: [] }, "blank-count"],
      ["an answer of another type", "fill", { type: "true-false", value: true }, "wrong-type"],
    ])("refuses %s with a typed 422 and writes nothing", async (_, kind, answer, code) => {
      const me = await user();
      const q = quiz(1);
      const question = kind === "choice" ? choice(q.questionIds[0]!) : fillIn(q.questionIds[0]!);
      const attempt = await open(me, q);
      const error = await saveCheckedResponse(t.db, me, attempt.id, question, answer).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AnswerValidationError);
      expect((error as AnswerValidationError).status).toBe(422);
      // "the same option twice" is found as a repeat before the count: either code names the fault.
      expect([code, "repeated-option"]).toContain((error as AnswerValidationError).problem.code);
      expect(await t.db.quizResponse.count({ where: { attemptId: attempt.id } })).toBe(0);
    });

    it("stores an answer that fits", async () => {
      const me = await user();
      const q = quiz(1);
      const attempt = await open(me, q);
      await saveCheckedResponse(t.db, me, attempt.id, choice(q.questionIds[0]!), {
        type: "multiple-choice",
        selected: ["b"],
      });
      expect(await t.db.quizResponse.count({ where: { attemptId: attempt.id } })).toBe(1);
    });
  });

  describe("revealPracticeAnswer", () => {
    it("records when the learner asked for the answer, once, and only in practice mode", async () => {
      const me = await user();
      const q = quiz(1);
      const attempt = await open(me, q, "practice");
      const qid = q.questionIds[0]!;
      const build = (state: { tries: number; shown: boolean }) => ({
        answerJson: "null",
        score: 0,
        feedbackJson: JSON.stringify(state),
      });
      await revealPracticeAnswer(t.db, me, attempt.id, qid, build, T1);
      await revealPracticeAnswer(t.db, me, attempt.id, qid, build, T2);
      const row = await t.db.quizResponse.findUniqueOrThrow({
        where: { attemptId_questionId: { attemptId: attempt.id, questionId: qid } },
      });
      expect(row.revealedAt).toEqual(T1);
      expect(JSON.parse(row.feedback!)).toEqual({ tries: 0, shown: true });

      const checkMode = await open(me, quiz(1));
      await expect(
        revealPracticeAnswer(t.db, me, checkMode.id, JSON.parse(checkMode.questionIds)[0], build),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await t.db.quizResponse.count({ where: { attemptId: checkMode.id } })).toBe(0);
    });
  });

  describe("recordPracticeCheck", () => {
    it("increments checks and stores the latest answer, score and feedback", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q, "practice");
      const q1 = q.questionIds[0]!;
      const first = await recordPracticeCheck(t.db, me, attempt.id, q1, {
        answerJson: '"wrong"',
        score: 0,
        feedbackJson: '{"hint":"again"}',
      });
      expect(first).toMatchObject({ checks: 1, score: 0, maxScore: 1, feedback: '{"hint":"again"}' });
      await recordPracticeCheck(t.db, me, attempt.id, q1, {
        answerJson: '"closer"',
        score: 0.5,
        feedbackJson: '{"hint":"closer"}',
      });
      await recordPracticeCheck(t.db, me, attempt.id, q1, {
        answerJson: '"right"',
        score: 1,
        feedbackJson: '{"ok":true}',
      });

      const rows = await t.db.quizResponse.findMany({ where: { attemptId: attempt.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        questionId: q1,
        answer: '"right"',
        checks: 3,
        score: 1,
        maxScore: 1,
        feedback: '{"ok":true}',
      });
    });

    it("counts checks on top of an autosaved answer", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q, "practice");
      const q1 = q.questionIds[0]!;
      await saveResponse(t.db, me, attempt.id, q1, '"draft"');
      const checked = await recordPracticeCheck(t.db, me, attempt.id, q1, {
        answerJson: '"final"',
        score: 1,
        feedbackJson: "{}",
      });
      expect(checked).toMatchObject({ answer: '"final"', checks: 1, score: 1 });
    });

    it("is rejected in check mode with ConflictError", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q, "check");
      await expect(
        recordPracticeCheck(t.db, me, attempt.id, q.questionIds[0]!, {
          answerJson: '"a"',
          score: 1,
          feedbackJson: "{}",
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await t.db.quizResponse.count({ where: { attemptId: attempt.id } })).toBe(0);
    });

    it("is rejected on a submitted attempt (ConflictError) and for a foreign question (NotFoundError)", async () => {
      const me = await user();
      const q = quiz();
      const attempt = await open(me, q, "practice");
      const result = { answerJson: '"a"', score: 1, feedbackJson: "{}" };
      await expect(
        recordPracticeCheck(t.db, me, attempt.id, `${q.slug}-other`, result),
      ).rejects.toBeInstanceOf(NotFoundError);
      await submitAttempt(t.db, me, attempt.id, grader(q.questionIds, {}).grade, T1);
      await expect(
        recordPracticeCheck(t.db, me, attempt.id, q.questionIds[0]!, result),
      ).rejects.toBeInstanceOf(ConflictError);
    });
  });

  describe("submitAttempt", () => {
    it("grades the saved answers once and stores the scores", async () => {
      const me = await user();
      const q = quiz(3);
      const [q1, q2, q3] = [q.questionIds[0]!, q.questionIds[1]!, q.questionIds[2]!];
      const attempt = await open(me, q);
      await saveResponse(t.db, me, attempt.id, q1, '"a"');
      await saveResponse(t.db, me, attempt.id, q2, '"b"');
      const { grade, calls } = grader(q.questionIds, { [q1]: 1, [q2]: 0.5 });

      const result = await submitAttempt(t.db, me, attempt.id, grade, T1);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toEqual(
        new Map([
          [q1, '"a"'],
          [q2, '"b"'],
        ]),
      );
      expect(result.alreadySubmitted).toBe(false);
      expect(result.attempt).toMatchObject({ status: "submitted", score: 1.5, maxScore: 3, submittedAt: T1 });

      const rows = await t.db.quizResponse.findMany({
        where: { attemptId: attempt.id },
        orderBy: { questionId: "asc" },
      });
      // The unanswered question gets a graded row too.
      expect(rows.map((r) => [r.questionId, r.answer, r.score, r.maxScore, r.feedback])).toEqual([
        [q1, '"a"', 1, 1, '{"call":1}'],
        [q2, '"b"', 0.5, 1, '{"call":1}'],
        [q3, "null", 0, 1, '{"call":1}'],
      ]);
    });

    it("a second submit returns alreadySubmitted without grading again or changing the score", async () => {
      const me = await user();
      const q = quiz(2);
      const [q1] = q.questionIds as [string, string];
      const attempt = await open(me, q);
      await saveResponse(t.db, me, attempt.id, q1, '"a"');
      const first = grader(q.questionIds, { [q1]: 1 });
      await submitAttempt(t.db, me, attempt.id, first.grade, T1);

      // This grader would give full marks everywhere: any use of it would show.
      const second = grader(q.questionIds, Object.fromEntries(q.questionIds.map((id) => [id, 1])));
      const again = await submitAttempt(t.db, me, attempt.id, second.grade, T2);
      expect(second.calls).toHaveLength(0);
      expect(first.calls).toHaveLength(1);
      expect(again.alreadySubmitted).toBe(true);
      expect(again.attempt).toMatchObject({ status: "submitted", score: 1, maxScore: 2, submittedAt: T1 });

      const stored = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
      expect(stored).toMatchObject({ score: 1, maxScore: 2, submittedAt: T1 });
      const scores = await t.db.quizResponse.findMany({ where: { attemptId: attempt.id } });
      expect(scores.map((r) => r.score).sort()).toEqual([0, 1]);
      // The missed question's card moved once only.
      const card = await t.db.reviewCard.findUniqueOrThrow({
        where: { userId_questionId: { userId: me.id, questionId: q.questionIds[1]! } },
      });
      expect(card.reps).toBe(1);
    });

    it("refuses someone else's attempt with ForbiddenError and leaves it open", async () => {
      const owner = await user();
      const q = quiz();
      const attempt = await open(owner, q);
      const { grade, calls } = grader(q.questionIds, {});
      await expect(submitAttempt(t.db, await user(), attempt.id, grade, T1)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(submitAttempt(t.db, anon(), attempt.id, grade, T1)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(submitAttempt(t.db, owner, "no-such-attempt", grade, T1)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(calls).toHaveLength(0);
      expect((await t.db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("open");
    });

    it("grades exactly once when two submits run at the same time (5 rounds)", async () => {
      for (let round = 0; round < 5; round += 1) {
        const me = await user();
        const q = quiz(2);
        const [q1, q2] = q.questionIds as [string, string];
        const attempt = await open(me, q);
        await saveResponse(t.db, me, attempt.id, q1, '"a"');
        await saveResponse(t.db, me, attempt.id, q2, '"b"');

        // One shared grader: each call scores differently, so a second grading would show in the score.
        let calls = 0;
        const grade = (answers: Map<string, string>): GradedResponse[] => {
          calls += 1;
          const missed = calls === 1 ? 0 : 1;
          return [
            { questionId: q1, answerJson: answers.get(q1) ?? "null", score: 1, feedbackJson: "{}" },
            { questionId: q2, answerJson: answers.get(q2) ?? "null", score: missed, feedbackJson: "{}" },
          ];
        };

        const results = await Promise.all([
          submitAttempt(t.db, me, attempt.id, grade, T1),
          submitAttempt(t.db, me, attempt.id, grade, T1),
        ]);
        expect(calls, `round ${round}`).toBe(1);
        expect(results.map((r) => r.alreadySubmitted).sort(), `round ${round}`).toEqual([false, true]);

        const stored = await t.db.quizAttempt.findUniqueOrThrow({
          where: { id: attempt.id },
          include: { responses: true },
        });
        expect(stored, `round ${round}`).toMatchObject({ status: "submitted", score: 1, maxScore: 2 });
        expect(stored.responses.map((r) => [r.questionId, r.score]).sort(), `round ${round}`).toEqual([
          [q1, 1],
          [q2, 0],
        ]);
        const cards = await t.db.reviewCard.findMany({ where: { userId: me.id } });
        expect(
          cards.map((c) => [c.questionId, c.reps]),
          `round ${round}`,
        ).toEqual([[q2, 1]]);
      }
    });
  });

  describe("submitAttempt and review cards", () => {
    async function submitWith(
      learner: Learner,
      q: { slug: string; questionIds: string[] },
      scores: Record<string, number>,
      now: Date,
    ) {
      const attempt = await open(learner, q);
      for (const questionId of q.questionIds)
        await saveResponse(t.db, learner, attempt.id, questionId, '"x"');
      return submitAttempt(t.db, learner, attempt.id, grader(q.questionIds, scores).grade, now);
    }

    function cardState(card: CardState): CardState {
      return {
        due: card.due,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsedDays: card.elapsedDays,
        scheduledDays: card.scheduledDays,
        learningSteps: card.learningSteps,
        reps: card.reps,
        lapses: card.lapses,
        state: card.state,
        lastReview: card.lastReview,
      };
    }

    it("creates a card for each missed question and none for a correct one", async () => {
      const me = await user();
      const q = quiz(3);
      const [right, partly, wrong] = q.questionIds as [string, string, string];
      await submitWith(me, q, { [right]: 1, [partly]: 0.5, [wrong]: 0 }, T1);

      const cards = await t.db.reviewCard.findMany({
        where: { userId: me.id },
        orderBy: { questionId: "asc" },
      });
      expect(cards.map((c) => c.questionId)).toEqual([partly, wrong].sort());
      const expected = nextCardState(null, 0, T1)!;
      for (const card of cards) {
        expect(cardState(card)).toEqual(expected);
        expect(card.reps).toBe(1);
        expect(card.due.getTime()).toBeGreaterThanOrEqual(T1.getTime());
        expect(card.due.getTime()).toBeLessThanOrEqual(T1.getTime() + DAY);
      }
    });

    it("moves the same card later when the question is answered correctly later (no duplicate)", async () => {
      const me = await user();
      const q = quiz(1);
      const [question] = q.questionIds as [string];
      await submitWith(me, q, { [question]: 0 }, T1);
      const before = await t.db.reviewCard.findUniqueOrThrow({
        where: { userId_questionId: { userId: me.id, questionId: question } },
      });

      await submitWith(me, q, { [question]: 1 }, T2);
      const after = await t.db.reviewCard.findMany({ where: { userId: me.id } });
      expect(after).toHaveLength(1);
      const card = after[0]!;
      expect(card.id).toBe(before.id);
      expect(card.reps).toBe(2);
      expect(card.lastReview).toEqual(T2);
      expect(card.due.getTime()).toBeGreaterThan(before.due.getTime());
      expect(card.due.getTime()).toBeGreaterThan(T2.getTime());
      // Exactly the scheduler's answer for a correct answer at T2, later than a miss would have put it.
      expect(cardState(card)).toEqual(nextCardState(cardState(before), 1, T2));
      expect(card.due.getTime()).toBeGreaterThan(nextCardState(cardState(before), 0, T2)!.due.getTime());
    });

    it("creates no cards for anonymous attempts, even after they are claimed", async () => {
      const someone = anon();
      const q = quiz(2);
      const cardsBefore = await t.db.reviewCard.count();
      const result = await submitWith(someone, q, {}, T1);
      expect(result.attempt).toMatchObject({ status: "submitted", score: 0, maxScore: 2 });
      expect(await t.db.reviewCard.count()).toBe(cardsBefore);
      expect(await t.db.reviewCard.count({ where: { questionId: { in: q.questionIds } } })).toBe(0);

      const me = await user();
      expect(await claimAnonymousAttempts(t.db, me.id, someone.anonId)).toBe(1);
      expect(await t.db.reviewCard.count({ where: { userId: me.id } })).toBe(0);
    });
  });

  describe("listAttempts", () => {
    it("returns only the learner's attempts, newest first, optionally for one quiz", async () => {
      const me = await user();
      const other = await user();
      const stranger = anon();
      const qa = quiz();
      const qb = quiz();
      const mineA1 = await open(me, qa, "check");
      const mineA2 = await open(me, qa, "practice");
      const mineB = await open(me, qb, "check");
      await open(other, qa, "check");
      await open(stranger, qa, "check");
      // Distinct start times, so the order is defined.
      for (const [attempt, offset] of [
        [mineA1, 0],
        [mineB, 1],
        [mineA2, 2],
      ] as const)
        await t.db.quizAttempt.update({
          where: { id: attempt.id },
          data: { startedAt: new Date(T1.getTime() + offset * 60_000) },
        });

      expect((await listAttempts(t.db, me)).map((a) => a.id)).toEqual([mineA2.id, mineB.id, mineA1.id]);
      expect((await listAttempts(t.db, me, qa.slug)).map((a) => a.id)).toEqual([mineA2.id, mineA1.id]);
      expect((await listAttempts(t.db, me, qb.slug)).map((a) => a.id)).toEqual([mineB.id]);
      expect(await listAttempts(t.db, me, quiz().slug)).toEqual([]);
    });

    it("returns an anonymous learner's own unclaimed attempts only", async () => {
      const me = anon();
      const q = quiz();
      const mine = await open(me, q);
      await open(anon(), q);
      await open(await user(), q);
      expect((await listAttempts(t.db, me, q.slug)).map((a) => a.id)).toEqual([mine.id]);
      await claimAnonymousAttempts(t.db, (await user()).id, me.anonId);
      expect(await listAttempts(t.db, me, q.slug)).toEqual([]);
    });
  });

  describe("claimAnonymousAttempts", () => {
    it("moves only that anonId's unowned attempts to the user, once", async () => {
      const me = await user();
      const someoneElse = await user();
      const browser = anon();
      const otherBrowser = anon();
      const q = quiz();
      const first = await open(browser, q, "check");
      const second = await open(browser, q, "practice");
      const notMine = await open(otherBrowser, q, "check");
      // A row with this anonId that an account already owns is not claimable.
      const owned = await t.db.quizAttempt.create({
        data: {
          userId: someoneElse.id,
          anonId: browser.anonId,
          quizSlug: q.slug,
          questionIds: JSON.stringify(q.questionIds),
        },
      });

      expect(await claimAnonymousAttempts(t.db, me.id, browser.anonId)).toBe(2);

      const rows = await t.db.quizAttempt.findMany({ where: { quizSlug: q.slug } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(first.id)).toMatchObject({ userId: me.id, anonId: null });
      expect(byId.get(second.id)).toMatchObject({ userId: me.id, anonId: null });
      expect(byId.get(notMine.id)).toMatchObject({ userId: null, anonId: otherBrowser.anonId });
      expect(byId.get(owned.id)).toMatchObject({ userId: someoneElse.id, anonId: browser.anonId });
      expect((await listAttempts(t.db, me, q.slug)).map((a) => a.id).sort()).toEqual(
        [first.id, second.id].sort(),
      );

      expect(await claimAnonymousAttempts(t.db, me.id, browser.anonId)).toBe(0);
      expect(await t.db.quizAttempt.count({ where: { userId: me.id } })).toBe(2);
    });
  });

  describe("dueReviewCards", () => {
    it("returns only the learner's cards due at now, ordered by due", async () => {
      const me = await user();
      const other = await user();
      const now = T2;
      const base = nextCardState(null, 0, T1)!;
      const dues: Array<[string, number]> = [
        ["later", now.getTime() + 60_000],
        ["exactly-now", now.getTime()],
        ["oldest", now.getTime() - 3 * DAY],
        ["tomorrow", now.getTime() + DAY],
        ["recent", now.getTime() - 60_000],
      ];
      for (const [questionId, due] of dues)
        await t.db.reviewCard.create({ data: { ...base, userId: me.id, questionId, due: new Date(due) } });
      await t.db.reviewCard.create({
        data: { ...base, userId: other.id, questionId: "someone-elses", due: new Date(now.getTime() - DAY) },
      });

      const due = await dueReviewCards(t.db, me.id, now);
      expect(due.map((c) => c.questionId)).toEqual(["oldest", "recent", "exactly-now"]);
      expect(due.every((c) => c.userId === me.id)).toBe(true);
      expect(
        (await dueReviewCards(t.db, me.id, new Date(now.getTime() + 2 * DAY))).map((c) => c.questionId),
      ).toEqual(["oldest", "recent", "exactly-now", "later", "tomorrow"]);
      expect(await dueReviewCards(t.db, me.id, new Date(now.getTime() - 4 * DAY))).toEqual([]);
    });
  });
});
