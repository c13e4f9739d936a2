import type { Actor } from "@/lib/access";
import type { Db } from "@/lib/db";

/** A rejected submission leaves only this: one more in the learner's count for the lab. */
export async function countRejectedSubmission(db: Db, actor: Actor, labSlug: string): Promise<void> {
  await db.labActivity.upsert({
    where: { userId_labSlug: { userId: actor.id, labSlug } },
    create: { userId: actor.id, labSlug, rejectedSubmissions: 1 },
    update: { rejectedSubmissions: { increment: 1 } },
  });
}

/** Records the first time the learner revealed the lab's worked solution (later reveals keep it). */
export async function recordSolutionReveal(db: Db, actor: Actor, labSlug: string, at = new Date()) {
  const existing = await solutionRevealedAt(db, actor, labSlug);
  if (existing) return existing;
  await db.labActivity.upsert({
    where: { userId_labSlug: { userId: actor.id, labSlug } },
    create: { userId: actor.id, labSlug, solutionRevealedAt: at },
    update: { solutionRevealedAt: at },
  });
  return at;
}

export async function solutionRevealedAt(db: Db, actor: Actor, labSlug: string): Promise<Date | null> {
  const row = await db.labActivity.findUnique({
    where: { userId_labSlug: { userId: actor.id, labSlug } },
    select: { solutionRevealedAt: true },
  });
  return row?.solutionRevealedAt ?? null;
}

export type LabActivityRow = { labSlug: string; rejectedSubmissions: number; solutionRevealedAt: Date | null };

/** A learner's lab activity for an instructor's page; the caller has checked access to the learner. */
export async function labActivityOf(db: Db, userId: string): Promise<LabActivityRow[]> {
  return db.labActivity.findMany({
    where: { userId },
    select: { labSlug: true, rejectedSubmissions: true, solutionRevealedAt: true },
    orderBy: { labSlug: "asc" },
  });
}
