import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import { createCohort, joinCohort } from "@/lib/cohorts/queries";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { loadRoster, type RosterCourse } from "./roster-data";

const NOW = new Date("2025-10-20T12:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const course: RosterCourse = {
  lessons: [
    { slug: "l1", title: "One" },
    { slug: "l2", title: "Two" },
  ],
  quizzes: [
    { slug: "l1", title: "One" },
    { slug: "l2", title: "Two" },
  ],
  labs: [
    { slug: "lab-a", title: "Lab A", lesson: "l1" },
    { slug: "lab-b", title: "Lab B", lesson: "l2" },
  ],
};

describe.each(testProviders())("loadRoster (%s)", (provider) => {
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

  async function attempt(
    userId: string,
    quizSlug: string,
    fields: {
      score?: number;
      maxScore?: number;
      submittedAt?: Date;
      kind?: string;
      updatedAt?: Date;
      mode?: "check" | "practice";
    },
  ) {
    await t.db.quizAttempt.create({
      data: {
        userId,
        quizSlug,
        kind: fields.kind ?? "lesson",
        mode: fields.mode ?? "check",
        questionIds: "[]",
        status: fields.submittedAt ? "submitted" : "open",
        score: fields.score ?? null,
        maxScore: fields.maxScore ?? null,
        startedAt: daysBefore(30),
        submittedAt: fields.submittedAt ?? null,
        updatedAt: fields.updatedAt ?? fields.submittedAt ?? daysBefore(30),
      },
    });
  }

  async function twoCohorts() {
    const teacherA = await actor("instructor");
    const teacherB = await actor("instructor");
    const cohortA = await createCohort(t.db, teacherA, "Cohort A");
    const cohortB = await createCohort(t.db, teacherB, "Cohort B");
    return { teacherA, teacherB, cohortA, cohortB };
  }

  it("aggregates each learner's lessons, best quiz scores, labs and last activity, for this cohort only", async () => {
    const { teacherA, teacherB, cohortA, cohortB } = await twoCohorts();
    const ana = await actor("learner", "Ana");
    const bea = await actor("learner", "Bea");
    const outsider = await actor("learner", "Outsider");
    for (const learner of [ana, bea]) await joinCohort(t.db, learner, cohortA.joinCode);
    await joinCohort(t.db, outsider, cohortB.joinCode);
    // A co-teacher is a member but not a learner: not on the roster.
    await joinCohort(t.db, await actor("instructor", "Co-teacher"), cohortA.instructorCode);

    await t.db.lessonProgress.createMany({
      data: [
        { userId: ana.id, lessonSlug: "l1", completedAt: daysBefore(10), lastSeenAt: daysBefore(10) },
        { userId: ana.id, lessonSlug: "l2", completedAt: null, lastSeenAt: daysBefore(9) },
        { userId: outsider.id, lessonSlug: "l1", completedAt: daysBefore(1), lastSeenAt: daysBefore(1) },
      ],
    });
    await attempt(ana.id, "l1", { score: 2, maxScore: 4, submittedAt: daysBefore(10) });
    await attempt(ana.id, "l1", { score: 3, maxScore: 4, submittedAt: daysBefore(8) });
    // Practice shows hints and keys: its 100 % is not a grade (the best stays 3 of 4).
    await attempt(ana.id, "l1", { mode: "practice", score: 4, maxScore: 4, submittedAt: daysBefore(9) });
    // Open attempts and reviews do not count as quiz scores, but are activity.
    await attempt(ana.id, "l2", { updatedAt: daysBefore(2) });
    await attempt(ana.id, "l2", { kind: "review", score: 5, maxScore: 5, submittedAt: daysBefore(3) });
    await attempt(outsider.id, "l2", { score: 5, maxScore: 5, submittedAt: daysBefore(1) });
    await t.db.labRun.createMany({
      data: [
        {
          userId: ana.id,
          labSlug: "lab-a",
          code: "x",
          params: "{}",
          passed: false,
          verdict: "{}",
          createdAt: daysBefore(9),
        },
        {
          userId: ana.id,
          labSlug: "lab-a",
          code: "x",
          params: "{}",
          passed: true,
          verdict: "{}",
          createdAt: daysBefore(9),
        },
        {
          userId: bea.id,
          labSlug: "lab-b",
          code: "x",
          params: "{}",
          passed: false,
          verdict: "{}",
          createdAt: daysBefore(12),
        },
        {
          userId: outsider.id,
          labSlug: "lab-b",
          code: "x",
          params: "{}",
          passed: true,
          verdict: "{}",
          createdAt: daysBefore(1),
        },
      ],
    });

    const { cohort, rows } = await loadRoster(t.db, teacherA, cohortA.id, course, NOW);
    expect(cohort.id).toBe(cohortA.id);
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(Object.keys(byName).sort()).toEqual(["Ana", "Bea"]);

    expect(byName.Ana).toMatchObject({
      lessons: ["completed", "in-progress"],
      quizzes: [0.75, null],
      labs: [
        { passed: true, runs: 2 },
        { passed: false, runs: 0 },
      ],
      quizAverage: 0.75,
      lastActiveAt: daysBefore(2).getTime(),
      status: "in-progress",
      inactive: false,
    });
    expect(byName.Bea).toMatchObject({
      lessons: ["not-started", "not-started"],
      quizzes: [null, null],
      labs: [
        { passed: false, runs: 0 },
        { passed: false, runs: 1 },
      ],
      lastActiveAt: daysBefore(12).getTime(),
      status: "in-progress",
      inactive: true,
    });

    // Cohort B's instructor sees only the outsider.
    const other = await loadRoster(t.db, teacherB, cohortB.id, course, NOW);
    expect(other.rows.map((row) => row.name)).toEqual(["Outsider"]);
    expect(other.rows[0]?.quizzes).toEqual([null, 1]);
  });

  it("is empty for a cohort without learners", async () => {
    const { teacherA, cohortA } = await twoCohorts();
    expect((await loadRoster(t.db, teacherA, cohortA.id, course, NOW)).rows).toEqual([]);
  });

  it("refuses learners (even members of the cohort) and instructors of other cohorts with ForbiddenError", async () => {
    const { teacherB, cohortA } = await twoCohorts();
    const member = await actor("learner");
    await joinCohort(t.db, member, cohortA.joinCode);
    await expect(loadRoster(t.db, member, cohortA.id, course, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadRoster(t.db, teacherB, cohortA.id, course, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    // A learner whose session claims the instructor role is still not this cohort's instructor.
    await expect(
      loadRoster(t.db, { ...member, role: "instructor" }, cohortA.id, course, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("answers an unknown cohort with NotFoundError", async () => {
    const { teacherA } = await twoCohorts();
    await expect(loadRoster(t.db, teacherA, "no-such-cohort", course, NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
