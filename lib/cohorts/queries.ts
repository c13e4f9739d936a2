import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import { isWellFormedJoinCode, newJoinCode, normaliseJoinCode } from "./join-code";

export type CohortSummary = {
  id: string;
  name: string;
  joinCode: string;
  /** Makes co-instructors; shown only to the cohort's instructors. */
  instructorCode: string;
  learnerCount: number;
  createdAt: Date;
};

/** `name` is checked at the boundary (CohortNameSchema in the server action). */
export async function createCohort(db: Db, actor: Actor, name: string): Promise<CohortSummary> {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors can create cohorts");
  const cohort = await db.cohort.create({
    data: {
      name,
      joinCode: newJoinCode(),
      instructorCode: newJoinCode(),
      createdById: actor.id,
      memberships: { create: { userId: actor.id, role: "instructor" } },
    },
  });
  return {
    id: cohort.id,
    name: cohort.name,
    joinCode: cohort.joinCode,
    instructorCode: cohort.instructorCode ?? "",
    learnerCount: 0,
    createdAt: cohort.createdAt,
  };
}

/** The cohorts this instructor teaches, and no others. */
export async function listTaughtCohorts(db: Db, actor: Actor): Promise<CohortSummary[]> {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors can list cohorts");
  const cohorts = await db.cohort.findMany({
    where: { memberships: { some: { userId: actor.id, role: "instructor" } } },
    include: { _count: { select: { memberships: { where: { role: "learner" } } } } },
    orderBy: { createdAt: "desc" },
  });
  return Promise.all(
    cohorts.map(async (cohort) => ({
      id: cohort.id,
      name: cohort.name,
      joinCode: cohort.joinCode,
      instructorCode: cohort.instructorCode ?? (await ensureInstructorCode(db, cohort.id)),
      learnerCount: cohort._count.memberships,
      createdAt: cohort.createdAt,
    })),
  );
}

/** Cohorts made before instructor codes existed get one the first time an instructor lists them. */
async function ensureInstructorCode(db: Db, cohortId: string): Promise<string> {
  const code = newJoinCode();
  await db.cohort.updateMany({
    where: { id: cohortId, instructorCode: null },
    data: { instructorCode: code },
  });
  const cohort = await db.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: { instructorCode: true },
  });
  return cohort.instructorCode ?? code;
}

/**
 * The cohort a typed code names and the role it gives: a join code always makes a learner; an
 * instructor invite code makes an instructor, and only for accounts that are instructors.
 * NotFoundError (with what to do) for a malformed or unknown code.
 */
async function cohortForCode(
  db: Db,
  actor: Actor,
  rawCode: string,
): Promise<{ id: string; name: string; role: "learner" | "instructor" }> {
  const code = normaliseJoinCode(rawCode);
  if (!isWellFormedJoinCode(code))
    throw new NotFoundError("That join code is not valid: check it with your instructor");
  const learnerCohort = await db.cohort.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true },
  });
  if (learnerCohort) return { ...learnerCohort, role: "learner" };
  const invited = await db.cohort.findUnique({
    where: { instructorCode: code },
    select: { id: true, name: true },
  });
  if (!invited) throw new NotFoundError("No cohort has that join code: check it with your instructor");
  if (actor.role !== "instructor")
    throw new ForbiddenError(
      "That is an instructor invite code: ask your instructor for the class join code",
    );
  return { ...invited, role: "instructor" };
}

export type JoinPreview = {
  cohortId: string;
  name: string;
  joinCode: string;
  /** The role the actor has (already a member) or would get by joining. */
  role: "learner" | "instructor";
  alreadyMember: boolean;
};

/** What /join/<code> shows before the learner confirms: the cohort's name and whether they are in it. */
export async function previewJoin(db: Db, actor: Actor, rawCode: string): Promise<JoinPreview> {
  const cohort = await cohortForCode(db, actor, rawCode);
  const membership = await db.cohortMembership.findUnique({
    where: { cohortId_userId: { cohortId: cohort.id, userId: actor.id } },
    select: { role: true },
  });
  return {
    cohortId: cohort.id,
    name: cohort.name,
    joinCode: normaliseJoinCode(rawCode),
    role: membership ? asMemberRole(membership.role) : cohort.role,
    alreadyMember: membership !== null,
  };
}

/** Joining twice is harmless: the membership is found, not duplicated. */
export async function joinCohort(
  db: Db,
  actor: Actor,
  rawCode: string,
): Promise<{ cohortId: string; name: string }> {
  const cohort = await cohortForCode(db, actor, rawCode);
  try {
    await db.cohortMembership.create({
      data: { cohortId: cohort.id, userId: actor.id, role: cohort.role },
    });
  } catch (error) {
    // Already a member (a repeat or a simultaneous double submit): joining is idempotent. An
    // instructor invite upgrades a learner membership of an instructor account.
    if (!isUniqueViolation(error)) throw error;
    if (cohort.role === "instructor")
      await db.cohortMembership.update({
        where: { cohortId_userId: { cohortId: cohort.id, userId: actor.id } },
        data: { role: "instructor" },
      });
  }
  return { cohortId: cohort.id, name: cohort.name };
}

export type Membership = {
  cohortId: string;
  name: string;
  role: "learner" | "instructor";
  joinedAt: Date;
};

/** The cohorts the actor belongs to, in any role, newest first: only ever their own memberships. */
export async function listMyCohorts(db: Db, actor: Actor): Promise<Membership[]> {
  const memberships = await db.cohortMembership.findMany({
    where: { userId: actor.id },
    select: { role: true, joinedAt: true, cohort: { select: { id: true, name: true } } },
    orderBy: { joinedAt: "desc" },
  });
  return memberships.map((membership) => ({
    cohortId: membership.cohort.id,
    name: membership.cohort.name,
    role: asMemberRole(membership.role),
    joinedAt: membership.joinedAt,
  }));
}

function asMemberRole(role: string): "learner" | "instructor" {
  return role === "instructor" ? "instructor" : "learner";
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
