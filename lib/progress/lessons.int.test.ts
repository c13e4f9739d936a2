import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { listLessonProgress, markLessonComplete, mergeLessonProgress, recordLessonVisit } from "./lessons";
import { PAST_WINDOW_MS } from "./progress-schema";

const T1 = new Date("2026-01-05T09:00:00.123Z");
const T2 = new Date("2026-01-06T10:30:00.456Z");
const T3 = new Date("2026-01-07T11:45:00.789Z");

describe.each(testProviders())("lesson progress (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function learner(): Promise<Actor> {
    return { id: (await insertUser(t.db, "learner")).id, role: "learner" };
  }

  function rowsOf(actor: Actor) {
    return t.db.lessonProgress.findMany({ where: { userId: actor.id } });
  }

  describe("markLessonComplete", () => {
    it("records the completion time", async () => {
      const me = await learner();
      await markLessonComplete(t.db, me, "health-checks", T1);
      expect(await rowsOf(me)).toEqual([
        expect.objectContaining({ lessonSlug: "health-checks", completedAt: T1, lastSeenAt: T1 }),
      ]);
    });

    it("is idempotent: completing again keeps the first completedAt and moves lastSeenAt", async () => {
      const me = await learner();
      await markLessonComplete(t.db, me, "health-checks", T1);
      const again = await markLessonComplete(t.db, me, "health-checks", T2);
      expect(again).toMatchObject({ completedAt: T1, lastSeenAt: T2 });
      const rows = await rowsOf(me);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ completedAt: T1, lastSeenAt: T2 });
    });

    it("completes a lesson that was only visited", async () => {
      const me = await learner();
      await recordLessonVisit(t.db, me, "health-checks", T1);
      await markLessonComplete(t.db, me, "health-checks", T2);
      expect(await rowsOf(me)).toEqual([expect.objectContaining({ completedAt: T2, lastSeenAt: T2 })]);
    });

    it("survives a double-clicked completion (two requests at once)", async () => {
      const me = await learner();
      const results = await Promise.allSettled([
        markLessonComplete(t.db, me, "health-checks", T1),
        markLessonComplete(t.db, me, "health-checks", T1),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await rowsOf(me)).toHaveLength(1);
    });
  });

  describe("recordLessonVisit", () => {
    it("records a visit without completing the lesson", async () => {
      const me = await learner();
      const row = await recordLessonVisit(t.db, me, "health-checks", T1);
      expect(row).toMatchObject({ lessonSlug: "health-checks", completedAt: null, lastSeenAt: T1 });
      await recordLessonVisit(t.db, me, "health-checks", T2);
      expect(await rowsOf(me)).toEqual([expect.objectContaining({ completedAt: null, lastSeenAt: T2 })]);
    });

    it("keeps an earlier completion when the lesson is visited again", async () => {
      const me = await learner();
      await markLessonComplete(t.db, me, "health-checks", T1);
      await recordLessonVisit(t.db, me, "health-checks", T3);
      expect(await rowsOf(me)).toEqual([expect.objectContaining({ completedAt: T1, lastSeenAt: T3 })]);
    });
  });

  describe("listLessonProgress", () => {
    it("returns only the actor's rows, most recently seen first", async () => {
      const me = await learner();
      const someoneElse = await learner();
      await markLessonComplete(t.db, me, "health-checks", T1);
      await recordLessonVisit(t.db, me, "logging", T3);
      await recordLessonVisit(t.db, me, "images", T2);
      await markLessonComplete(t.db, someoneElse, "secrets", T3);
      await recordLessonVisit(t.db, someoneElse, "health-checks", T2);

      expect(await listLessonProgress(t.db, me)).toEqual([
        { lessonSlug: "logging", completedAt: null, lastSeenAt: T3 },
        { lessonSlug: "images", completedAt: null, lastSeenAt: T2 },
        { lessonSlug: "health-checks", completedAt: T1, lastSeenAt: T1 },
      ]);
      expect((await listLessonProgress(t.db, someoneElse)).map((entry) => entry.lessonSlug)).toEqual([
        "secrets",
        "health-checks",
      ]);
    });

    it("is empty for someone who has not started", async () => {
      expect(await listLessonProgress(t.db, await learner())).toEqual([]);
    });
  });
  describe("mergeLessonProgress clamps browser dates to a window around now", () => {
    const now = new Date("2026-06-01T12:00:00.000Z");
    it("stores neither a 1970 completion nor a 2099 visit (they would win every later merge)", async () => {
      const me = await learner();
      await mergeLessonProgress(
        t.db,
        me,
        [
          {
            lessonSlug: "health-checks",
            completedAt: new Date("1970-01-01T00:00:00Z"),
            lastSeenAt: new Date("2099-01-01T00:00:00Z"),
          },
        ],
        now,
      );
      const [row] = await rowsOf(me);
      expect(row!.completedAt).toEqual(new Date(now.getTime() - PAST_WINDOW_MS));
      expect(row!.lastSeenAt).toEqual(now);
      // A later honest merge can still correct them.
      const later = new Date(now.getTime() + 60_000);
      await mergeLessonProgress(
        t.db,
        me,
        [{ lessonSlug: "health-checks", completedAt: now, lastSeenAt: later }],
        later,
      );
      const [again] = await rowsOf(me);
      expect(again!.lastSeenAt).toEqual(later);
    });
  });
});
