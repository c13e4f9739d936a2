import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { loadCohortStats } from "./cohort-stats-data";
import { catalog } from "./exports-test-catalog";
import { seedExportCohort } from "./exports-test-fixtures";

describe.each(testProviders())("cohort chart data (%s)", (provider) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedExportCohort>>;
  const now = new Date("2025-01-12T10:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    seeded = await seedExportCohort(database.db);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("aggregates only this cohort's learners into the three charts", async () => {
    const teacher = { id: seeded.teacher.id, role: "instructor" as const };
    const stats = await loadCohortStats(database.db, teacher, seeded.cohort.id, catalog.lessons, now);
    expect(stats.learnerCount).toBe(3);

    // Ann's best alpha attempt is 87.5 % (her review attempt does not count); Cy 100 %; Bob has none.
    expect(stats.scores.learnersWithScores).toBe(2);
    expect(stats.scores.bins.filter((bin) => bin.learners > 0)).toEqual([
      { label: "80–89", from: 80, learners: 1 },
      { label: "90–100", from: 90, learners: 1 },
    ]);
    expect(stats.scores.takeaway).toBe(
      "2 of 2 learners who took a quiz average 70 % or more; 1 learner has not submitted a quiz yet.",
    );

    expect(stats.lessons.bars).toEqual([
      { slug: "alpha", title: "Alpha lesson", completed: 1, inProgress: 0, notStarted: 2 },
      { slug: "beta", title: "Beta lesson", completed: 0, inProgress: 1, notStarted: 2 },
    ]);

    // From Ann's joining day (2 Jan) to today (12 Jan), one completion on 5 Jan.
    const { points } = stats.timeline;
    expect(points.map((point) => point.day)).toEqual(
      Array.from({ length: 11 }, (_, index) => `2025-01-${String(index + 2).padStart(2, "0")}`),
    );
    expect(points.map((point) => point.completions)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Joins (2, 3 Jan), Cy (4), quiz and lesson (5, 6), labs (7), review (9), open attempt (10); the
    // instructor's review on 8 Jan is not learner activity.
    expect(points.map((point) => point.active)).toEqual([1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0]);
    expect(stats.timeline.takeaway).toBe(
      "1 lesson completion so far; the busiest day was 2 Jan, with 1 learner active.",
    );
  });

  it("refuses learners, other cohorts' instructors and unknown cohorts", async () => {
    const { db } = database;
    await expect(
      loadCohortStats(db, { id: seeded.ann.id, role: "learner" }, seeded.cohort.id, catalog.lessons),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      loadCohortStats(
        db,
        { id: seeded.otherTeacher.id, role: "instructor" },
        seeded.cohort.id,
        catalog.lessons,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      loadCohortStats(db, { id: seeded.teacher.id, role: "instructor" }, "nope", catalog.lessons),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
