import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import { createCohort, joinCohort } from "@/lib/cohorts/queries";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { loadLearnerDetail } from "./learner-data";

const NOW = new Date("2025-10-20T12:00:00Z");
const at = (iso: string) => new Date(iso);
// Real questions from content/questions/health-checks.yaml: the page shows their text from the bank.
const FILL_IN = "hc-exit-codes";
const INTERVIEW = "hc-interview-probe-design";
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

describe.each(testProviders())("loadLearnerDetail (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function actor(role: Actor["role"], name?: string): Promise<Actor> {
    const user = await insertUser(t.db, role, name);
    return { id: user.id, role };
  }

  async function setup() {
    const teacherA = await actor("instructor");
    const teacherB = await actor("instructor");
    const cohortA = await createCohort(t.db, teacherA, "Cohort A");
    const cohortB = await createCohort(t.db, teacherB, "Cohort B");
    const ana = await actor("learner", "Ana");
    const bea = await actor("learner", "Bea");
    const outsider = await actor("learner", "Outsider");
    await joinCohort(t.db, ana, cohortA.joinCode);
    await joinCohort(t.db, bea, cohortA.joinCode);
    await joinCohort(t.db, outsider, cohortB.joinCode);
    return { teacherA, teacherB, cohortA, cohortB, ana, bea, outsider };
  }

  it("shows the learner's attempts with responses, lab runs, interview answers, timeline and review health", async () => {
    const { teacherA, cohortA, ana, bea } = await setup();
    await t.db.lessonProgress.create({
      data: {
        userId: ana.id,
        lessonSlug: "health-checks",
        completedAt: at("2025-10-18T09:00:00Z"),
        lastSeenAt: at("2025-10-18T09:00:00Z"),
      },
    });
    const submitted = await t.db.quizAttempt.create({
      data: {
        userId: ana.id,
        quizSlug: "health-checks",
        questionIds: JSON.stringify([INTERVIEW, FILL_IN]),
        status: "submitted",
        score: 1.5,
        maxScore: 2,
        startedAt: at("2025-10-18T10:00:00Z"),
        submittedAt: at("2025-10-18T10:20:00Z"),
        responses: {
          create: [
            {
              questionId: FILL_IN,
              answer: JSON.stringify({ type: "fill-in", blanks: ["0", "2"] }),
              score: 0.5,
              maxScore: 1,
              feedback: JSON.stringify({
                detail: {
                  type: "fill-in",
                  blanks: [
                    { given: "0", correct: true, nearMiss: false, expected: "0" },
                    { given: "2", correct: false, nearMiss: false, expected: "1" },
                  ],
                },
              }),
            },
            {
              questionId: INTERVIEW,
              answer: JSON.stringify({ type: "interview", text: HOSTILE }),
              score: 1,
              maxScore: 1,
              overrideScore: 0.5,
              instructorFeedback: "Say what the probe checks.",
              reviewedAt: at("2025-10-19T08:00:00Z"),
            },
          ],
        },
      },
    });
    // Another learner's work in the same cohort never shows on Ana's page.
    await t.db.quizAttempt.create({
      data: { userId: bea.id, quizSlug: "logging", questionIds: "[]", startedAt: at("2025-10-19T10:00:00Z") },
    });
    await t.db.labRun.create({
      data: {
        userId: ana.id,
        labSlug: "no-such-lab",
        code: `export function check() { return "${HOSTILE}"; }`,
        params: "{}",
        passed: false,
        verdict: JSON.stringify({
          headline: "Not yet.",
          checks: [{ label: "Fails fast", passed: false, detail: "It hung." }],
        }),
        createdAt: at("2025-10-19T11:00:00Z"),
      },
    });
    await t.db.reviewCard.createMany({
      data: [
        {
          userId: ana.id,
          questionId: FILL_IN,
          due: at("2025-10-19T00:00:00Z"),
          stability: 2,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 1,
          reps: 6,
          lapses: 5,
          state: 3,
        },
        {
          userId: ana.id,
          questionId: INTERVIEW,
          due: at("2025-11-01T00:00:00Z"),
          stability: 10,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 9,
          reps: 2,
          lapses: 0,
          state: 2,
        },
        {
          userId: bea.id,
          questionId: FILL_IN,
          due: at("2025-10-01T00:00:00Z"),
          stability: 1,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 1,
          reps: 9,
          lapses: 9,
          state: 3,
        },
      ],
    });

    const detail = await loadLearnerDetail(t.db, teacherA, cohortA.id, ana.id, NOW);

    expect(detail.learner).toMatchObject({ id: ana.id, name: "Ana" });
    expect(detail.attempts.map((attempt) => attempt.id)).toEqual([submitted.id]);
    const [interview, fillIn] = detail.attempts[0]?.responses ?? [];
    // In the attempt's question order, with the bank's question text.
    expect(interview?.questionId).toBe(INTERVIEW);
    expect(fillIn?.question).toContain("exiting with code ___");
    expect(fillIn?.answer).toBe("1. “0”  2. “2”");
    expect(fillIn?.feedback).toEqual(["Blank 1: “0” correct", "Blank 2: “2” wrong, expected “1”"]);
    // Learner text is kept verbatim as text; the page renders it escaped.
    expect(interview?.answer).toBe(HOSTILE);
    expect(interview).toMatchObject({ overrideScore: 0.5, instructorFeedback: "Say what the probe checks." });
    expect(detail.interviewAnswers.map((answer) => answer.questionId)).toEqual([INTERVIEW]);

    expect(detail.labRuns).toEqual([
      expect.objectContaining({
        title: "no-such-lab",
        passed: false,
        headline: "Not yet.",
        checks: [{ label: "Fails fast", passed: false, detail: "It hung." }],
        code: expect.stringContaining(HOSTILE),
      }),
    ]);

    expect(detail.timeline.map((day) => [day.day, day.events.map((event) => event.kind)])).toEqual([
      ["2025-10-19", ["lab-run"]],
      ["2025-10-18", ["attempt-submitted", "lesson-completed"]],
    ]);
    expect(detail.timeline[1]?.events[0]?.outcome?.label).toBe("1.50/2 (75%)");

    expect(detail.review).toMatchObject({ total: 2, dueNow: 1, averageStability: 6 });
    expect(detail.review.leechQuestions).toEqual([
      { questionId: FILL_IN, lapses: 5, question: expect.stringContaining("health-check command") },
    ]);
  });

  it("refuses a learner, even one asking about a cohort-mate or themself (no learner reads another's attempts)", async () => {
    const { cohortA, ana, bea } = await setup();
    await expect(loadLearnerDetail(t.db, ana, cohortA.id, bea.id, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(loadLearnerDetail(t.db, ana, cohortA.id, ana.id, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      loadLearnerDetail(t.db, { ...ana, role: "instructor" }, cohortA.id, bea.id, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses the instructor of another cohort with ForbiddenError, whoever the learner is", async () => {
    const { teacherB, cohortA, ana, outsider } = await setup();
    await expect(loadLearnerDetail(t.db, teacherB, cohortA.id, ana.id, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Their own learner, asked through a cohort they do not teach.
    await expect(loadLearnerDetail(t.db, teacherB, cohortA.id, outsider.id, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("answers NotFoundError for a learner who is not in the cohort (another cohort's, an instructor, unknown)", async () => {
    const { teacherA, cohortA, outsider } = await setup();
    const coTeacher = await actor("instructor");
    await joinCohort(t.db, coTeacher, cohortA.instructorCode);
    for (const learnerId of [outsider.id, coTeacher.id, teacherA.id, "no-such-user"]) {
      await expect(loadLearnerDetail(t.db, teacherA, cohortA.id, learnerId, NOW)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
  });
});
