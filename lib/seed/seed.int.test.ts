import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinCohort } from "@/lib/cohorts/queries";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { AnswerSchema } from "@/lib/grading/answer-schema";
import { gradeAnswer } from "@/lib/grading/grade";
import { LEECH_LAPSES } from "@/lib/review/schedule";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { loadCourseContent, type CourseContent } from "./course-content";
import { DEMO_ACCOUNTS, DEMO_COHORT } from "./demo-accounts";
import { DEMO_COHORT_LEARNERS, SYNTHETIC_LEARNER_PASSWORD } from "./demo-cohort";
import { seedDemo } from "./seed";

let content: CourseContent;
beforeAll(async () => {
  content = await loadCourseContent(await loadQuickJs());
});

describe.each(testProviders())("seedDemo (%s)", (provider) => {
  let t: TestDatabase;
  let firstRun: { created: string[]; syntheticLearners: number };
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    firstRun = await seedDemo(t.db, { content });
  });
  afterAll(async () => {
    await t?.drop();
  });

  function demoUser(role: "learner" | "instructor") {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
    return t.db.user.findUniqueOrThrow({ where: { email: account.email }, include: { accounts: true } });
  }

  it("reports both demo accounts and the cohort's synthetic learners as created on an empty database", () => {
    expect([...firstRun.created].sort()).toEqual(["instructor@shipshape.test", "learner@shipshape.test"]);
    expect(firstRun.syntheticLearners).toBe(DEMO_COHORT_LEARNERS.count);
  });

  it.each(DEMO_ACCOUNTS.map((account) => [account.role, account] as const))(
    "creates the %s as better-auth stores it: a verified user with one credential account",
    async (role, account) => {
      const user = await demoUser(role);
      expect(user).toMatchObject({ name: account.name, email: account.email, role, emailVerified: true });
      expect(user.accounts).toHaveLength(1);
      const [credential] = user.accounts;
      expect(credential).toMatchObject({ providerId: "credential", accountId: user.id, userId: user.id });
      expect(credential?.password).toBeTruthy();
      expect(credential?.password).not.toContain(account.password);
    },
  );

  it.each(DEMO_ACCOUNTS.map((account) => [account.role, account] as const))(
    "stores a %s password hash that better-auth verifies (and that rejects a wrong password)",
    async (role, account) => {
      const hash = (await demoUser(role)).accounts[0]?.password ?? "";
      expect(await verifyPassword({ hash, password: account.password })).toBe(true);
      expect(await verifyPassword({ hash, password: `${account.password}x` })).toBe(false);
    },
  );

  it("creates the demo cohort, owned by the demo instructor, with both demo accounts as members", async () => {
    const instructor = await demoUser("instructor");
    const learner = await demoUser("learner");
    const cohort = await t.db.cohort.findUniqueOrThrow({
      where: { joinCode: DEMO_COHORT.joinCode },
      include: { memberships: true },
    });
    expect(cohort).toMatchObject({ name: DEMO_COHORT.name, createdById: instructor.id });
    const demoMembers = cohort.memberships
      .filter((membership) => [instructor.id, learner.id].includes(membership.userId))
      .map(({ userId, role }) => ({ userId, role }))
      .sort((a, b) => a.role.localeCompare(b.role));
    expect(demoMembers).toEqual([
      { userId: instructor.id, role: "instructor" },
      { userId: learner.id, role: "learner" },
    ]);
  });

  it("creates nothing new and changes nothing when run again", async () => {
    const snapshot = async () => ({
      users: await t.db.user.findMany({ orderBy: { id: "asc" } }),
      accounts: await t.db.account.findMany({ orderBy: { id: "asc" } }),
      cohorts: await t.db.cohort.findMany({ orderBy: { id: "asc" } }),
      memberships: await t.db.cohortMembership.findMany({ orderBy: { id: "asc" } }),
      activity: [
        await t.db.lessonProgress.count(),
        await t.db.quizAttempt.count(),
        await t.db.quizResponse.count(),
        await t.db.reviewCard.count(),
        await t.db.labRun.count(),
        await t.db.commentBankEntry.count(),
      ],
    });
    const before = await snapshot();
    expect(await seedDemo(t.db, { content })).toEqual({ created: [], syntheticLearners: 0 });
    expect(await seedDemo(t.db, { content })).toEqual({ created: [], syntheticLearners: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("puts ~30 synthetic learners with distinct names and test-domain emails in the demo cohort, beside the demo accounts", async () => {
    const cohort = await t.db.cohort.findUniqueOrThrow({
      where: { joinCode: DEMO_COHORT.joinCode },
      include: { memberships: { include: { user: true } } },
    });
    const synthetic = cohort.memberships.filter((membership) => membership.userId.startsWith("syn-"));
    expect(synthetic).toHaveLength(DEMO_COHORT_LEARNERS.count);
    expect(cohort.memberships).toHaveLength(DEMO_COHORT_LEARNERS.count + 2);
    expect(new Set(synthetic.map((membership) => membership.user.name)).size).toBe(
      DEMO_COHORT_LEARNERS.count,
    );
    for (const membership of synthetic) {
      expect(membership.role).toBe("learner");
      expect(membership.user).toMatchObject({ role: "learner", emailVerified: true });
      expect(membership.user.email).toMatch(/@learners\.shipshape\.test$/);
    }
  });

  it("lets a synthetic learner sign in with the documented password", async () => {
    const account = await t.db.account.findFirstOrThrow({ where: { userId: { startsWith: "syn-" } } });
    expect(account.providerId).toBe("credential");
    expect(await verifyPassword({ hash: account.password!, password: SYNTHETIC_LEARNER_PASSWORD })).toBe(
      true,
    );
  });

  it("leaves the demo learner's own record empty (the e2e tests start from it)", async () => {
    const learner = await demoUser("learner");
    const where = { userId: learner.id };
    expect(await t.db.lessonProgress.count({ where })).toBe(0);
    expect(await t.db.quizAttempt.count({ where })).toBe(0);
    expect(await t.db.reviewCard.count({ where })).toBe(0);
    expect(await t.db.labRun.count({ where })).toBe(0);
  });

  it("stores activity the instructor pages can use: graded attempts, a grading queue, leeches, lab runs", async () => {
    const learners = { userId: { startsWith: "syn-" } };
    expect(
      await t.db.lessonProgress.count({ where: { ...learners, completedAt: { not: null } } }),
    ).toBeGreaterThan(50);
    expect(
      await t.db.quizAttempt.count({ where: { ...learners, status: "submitted", kind: "lesson" } }),
    ).toBeGreaterThan(50);
    expect(await t.db.quizAttempt.count({ where: { ...learners, status: "open" } })).toBeGreaterThan(0);
    expect(await t.db.labRun.count({ where: { ...learners, passed: true } })).toBeGreaterThan(0);
    expect(await t.db.labRun.count({ where: { ...learners, passed: false } })).toBeGreaterThan(0);
    expect(
      await t.db.reviewCard.count({ where: { ...learners, lapses: { gte: LEECH_LAPSES } } }),
    ).toBeGreaterThan(0);
    const interviewIds = content.quizzes.flatMap((quiz) =>
      quiz.questions.filter((question) => question.type === "interview").map((question) => question.id),
    );
    const waiting = await t.db.quizResponse.count({
      where: {
        questionId: { in: interviewIds },
        reviewedAt: null,
        attempt: { ...learners, status: "submitted", kind: "lesson" },
      },
    });
    expect(waiting).toBeGreaterThanOrEqual(15);
    const reviewed = await t.db.quizResponse.findFirstOrThrow({ where: { reviewedAt: { not: null } } });
    const instructor = await demoUser("instructor");
    expect(reviewed).toMatchObject({ reviewedById: instructor.id });
    expect(reviewed.instructorFeedback).toBeTruthy();
    expect(await t.db.commentBankEntry.count({ where: { instructorId: instructor.id } })).toBeGreaterThan(0);
  });

  it("stores answers the app can read, scored as the real grader scores them", async () => {
    const questions = new Map(
      content.quizzes.flatMap((quiz) => quiz.questions.map((q) => [q.id, q] as const)),
    );
    const responses = await t.db.quizResponse.findMany({ where: { score: { not: null } }, take: 400 });
    expect(responses.length).toBeGreaterThan(100);
    for (const response of responses) {
      const answer = AnswerSchema.parse(JSON.parse(response.answer));
      // The database round trip may lose the last digit of a double.
      expect(response.score).toBeCloseTo(gradeAnswer(questions.get(response.questionId)!, answer).score, 12);
    }
  });

  it("lets a new learner join the demo cohort with its join code", async () => {
    const learner = await insertUser(t.db, "learner");
    const joined = await joinCohort(t.db, { id: learner.id, role: "learner" }, DEMO_COHORT.joinCode);
    const cohort = await t.db.cohort.findUniqueOrThrow({ where: { joinCode: DEMO_COHORT.joinCode } });
    expect(joined).toEqual({ cohortId: cohort.id, name: DEMO_COHORT.name });
  });
});
