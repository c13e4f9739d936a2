import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { clampEntry } from "./progress-schema";

export type LessonProgressEntry = { lessonSlug: string; completedAt: Date | null; lastSeenAt: Date };

/** Idempotent: completing a lesson again keeps the first completion time. */
export async function markLessonComplete(db: Db, actor: Actor, lessonSlug: string, at = new Date()) {
  const existing = await db.lessonProgress.findUnique({
    where: { userId_lessonSlug: { userId: actor.id, lessonSlug } },
  });
  return db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId: actor.id, lessonSlug } },
    create: { userId: actor.id, lessonSlug, completedAt: at, lastSeenAt: at },
    update: { completedAt: existing?.completedAt ?? at, lastSeenAt: at },
  });
}

export async function recordLessonVisit(db: Db, actor: Actor, lessonSlug: string, at = new Date()) {
  return db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId: actor.id, lessonSlug } },
    create: { userId: actor.id, lessonSlug, lastSeenAt: at },
    update: { lastSeenAt: at },
  });
}

/** Only ever the actor's own progress: there is no parameter for another user. */
export async function listLessonProgress(db: Db, actor: Actor): Promise<LessonProgressEntry[]> {
  const rows = await db.lessonProgress.findMany({
    where: { userId: actor.id },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map(({ lessonSlug, completedAt, lastSeenAt }) => ({ lessonSlug, completedAt, lastSeenAt }));
}

export type LocalProgressEntry = { lessonSlug: string; completedAt: Date | null; lastSeenAt: Date };

/**
 * Folds progress kept in an anonymous browser into the account: the earliest
 * completion and the latest visit win, so merging twice changes nothing.
 */
export async function mergeLessonProgress(
  db: Db,
  actor: Actor,
  entries: LocalProgressEntry[],
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    for (const entry of entries.map((sent) => clampEntry(sent, now))) {
      const existing = await tx.lessonProgress.findUnique({
        where: { userId_lessonSlug: { userId: actor.id, lessonSlug: entry.lessonSlug } },
      });
      const completedAt =
        existing?.completedAt && entry.completedAt
          ? new Date(Math.min(existing.completedAt.getTime(), entry.completedAt.getTime()))
          : (existing?.completedAt ?? entry.completedAt);
      const lastSeenAt = existing
        ? new Date(Math.max(existing.lastSeenAt.getTime(), entry.lastSeenAt.getTime()))
        : entry.lastSeenAt;
      await tx.lessonProgress.upsert({
        where: { userId_lessonSlug: { userId: actor.id, lessonSlug: entry.lessonSlug } },
        create: { userId: actor.id, lessonSlug: entry.lessonSlug, completedAt, lastSeenAt },
        update: { completedAt, lastSeenAt },
      });
    }
  });
  return listLessonProgress(db, actor);
}
