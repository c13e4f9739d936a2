import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_COHORT } from "./demo-accounts";
import { seedDemoCohort, type DemoCohortInput } from "./demo-cohort";

/**
 * Creates the demo accounts (as better-auth stores them: a user row plus a
 * "credential" account holding the password hash), the demo cohort and its
 * synthetic learners (lib/seed/demo-cohort.ts).
 * Idempotent: running it again changes nothing that exists.
 */
export async function seedDemo(
  db: Db,
  options: Pick<DemoCohortInput, "now" | "content"> = {},
): Promise<{ created: string[]; syntheticLearners: number }> {
  const created: string[] = [];
  const ids: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email } });
    if (existing) {
      ids[account.role] = existing.id;
      continue;
    }
    const userId = randomUUID();
    await db.user.create({
      data: {
        id: userId,
        name: account.name,
        email: account.email,
        emailVerified: true,
        role: account.role,
        administrator: account.administrator,
        accounts: {
          create: {
            id: randomUUID(),
            accountId: userId,
            providerId: "credential",
            password: await hashPassword(account.password),
          },
        },
      },
    });
    ids[account.role] = userId;
    created.push(account.email);
  }

  const instructorId = ids.instructor!;
  const learnerId = ids.learner!;
  const cohort = await db.cohort.upsert({
    where: { joinCode: DEMO_COHORT.joinCode },
    create: { name: DEMO_COHORT.name, joinCode: DEMO_COHORT.joinCode, createdById: instructorId },
    update: {},
  });
  for (const [userId, role] of [
    [instructorId, "instructor"],
    [learnerId, "learner"],
  ] as const) {
    await db.cohortMembership.upsert({
      where: { cohortId_userId: { cohortId: cohort.id, userId } },
      create: { cohortId: cohort.id, userId, role },
      update: {},
    });
  }
  const { learnersCreated } = await seedDemoCohort(db, { cohortId: cohort.id, instructorId, ...options });
  return { created, syntheticLearners: learnersCreated };
}
