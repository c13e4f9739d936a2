import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { findTaughtCohort } from "@/lib/instructor/cohort-access";
import { isWellFormedJoinCode, newJoinCode } from "./join-code";
import { createCohort, joinCohort, listMyCohorts, listTaughtCohorts, previewJoin } from "./queries";

describe.each(testProviders())("cohort queries (%s)", (provider) => {
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

  /** How people type a code they were told: lower case, with a dash and spaces. */
  function asTyped(code: string): string {
    return ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()} `;
  }

  describe("createCohort", () => {
    it("lets an instructor create a cohort and makes them its instructor member", async () => {
      const teacher = await actor("instructor");
      const cohort = await createCohort(t.db, teacher, "Autumn containers");

      expect(cohort).toMatchObject({ name: "Autumn containers", learnerCount: 0 });
      expect(isWellFormedJoinCode(cohort.joinCode)).toBe(true);
      expect(cohort.createdAt).toBeInstanceOf(Date);

      const row = await t.db.cohort.findUniqueOrThrow({
        where: { id: cohort.id },
        include: { memberships: true },
      });
      expect(row.createdById).toBe(teacher.id);
      expect(row.joinCode).toBe(cohort.joinCode);
      expect(row.memberships.map(({ userId, role }) => ({ userId, role }))).toEqual([
        { userId: teacher.id, role: "instructor" },
      ]);
    });

    it("refuses a learner with ForbiddenError and creates nothing", async () => {
      const learner = await actor("learner");
      await expect(createCohort(t.db, learner, "Not mine")).rejects.toBeInstanceOf(ForbiddenError);
      expect(await t.db.cohort.count({ where: { createdById: learner.id } })).toBe(0);
      expect(await t.db.cohortMembership.count({ where: { userId: learner.id } })).toBe(0);
    });

    it("gives every cohort its own well-formed join code", async () => {
      const teacher = await actor("instructor");
      const cohorts = await Promise.all(
        Array.from({ length: 25 }, (_, i) => createCohort(t.db, teacher, `Group ${i}`)),
      );
      const codes = cohorts.map((cohort) => cohort.joinCode);
      expect(codes.every(isWellFormedJoinCode)).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
    });
  });

  describe("listTaughtCohorts", () => {
    it("lists only the cohorts the actor teaches and counts learners only", async () => {
      const teacherA = await actor("instructor");
      const teacherB = await actor("instructor");
      const coTeacher = await actor("instructor");
      const a1 = await createCohort(t.db, teacherA, "A1");
      const a2 = await createCohort(t.db, teacherA, "A2");
      const b1 = await createCohort(t.db, teacherB, "B1");
      for (const learner of [await actor("learner"), await actor("learner")])
        await joinCohort(t.db, learner, a1.joinCode);
      await joinCohort(t.db, await actor("learner"), b1.joinCode);
      await joinCohort(t.db, coTeacher, a1.instructorCode);
      // A member of A2 who teaches nothing there: a learner.
      await joinCohort(t.db, await actor("learner"), a2.joinCode);

      const taughtByA = await listTaughtCohorts(t.db, teacherA);
      expect(taughtByA.map((cohort) => [cohort.name, cohort.learnerCount]).sort()).toEqual([
        ["A1", 2],
        ["A2", 1],
      ]);
      expect(taughtByA.find((cohort) => cohort.id === a1.id)?.joinCode).toBe(a1.joinCode);

      expect(
        (await listTaughtCohorts(t.db, teacherB)).map((cohort) => [cohort.name, cohort.learnerCount]),
      ).toEqual([["B1", 1]]);
      expect((await listTaughtCohorts(t.db, coTeacher)).map((cohort) => cohort.id)).toEqual([a1.id]);
      expect(await listTaughtCohorts(t.db, await actor("instructor"))).toEqual([]);
    });

    it("leaves out cohorts an instructor belongs to as a learner", async () => {
      const taught = await createCohort(t.db, await actor("instructor"), "Joined as a learner");
      // Joined while still a learner, promoted since: still a learner in that cohort.
      const promoted = await actor("learner");
      await joinCohort(t.db, promoted, taught.joinCode);
      const own = await createCohort(t.db, { ...promoted, role: "instructor" }, "Own cohort");

      expect(
        (await listTaughtCohorts(t.db, { ...promoted, role: "instructor" })).map((cohort) => cohort.id),
      ).toEqual([own.id]);
    });

    it("refuses a learner, even one who belongs to cohorts", async () => {
      const teacher = await actor("instructor");
      const learner = await actor("learner");
      await joinCohort(t.db, learner, (await createCohort(t.db, teacher, "C")).joinCode);
      await expect(listTaughtCohorts(t.db, learner)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe("joinCohort", () => {
    it("accepts the code as people type it (lower case, dashes, spaces)", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Typed codes");
      const learner = await actor("learner");

      expect(await joinCohort(t.db, learner, asTyped(cohort.joinCode))).toEqual({
        cohortId: cohort.id,
        name: "Typed codes",
      });
      const membership = await t.db.cohortMembership.findUniqueOrThrow({
        where: { cohortId_userId: { cohortId: cohort.id, userId: learner.id } },
      });
      expect(membership.role).toBe("learner");
    });

    it("joining twice leaves one membership with the first join time", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Twice");
      const learner = await actor("learner");
      await joinCohort(t.db, learner, cohort.joinCode);
      const first = await t.db.cohortMembership.findFirstOrThrow({
        where: { cohortId: cohort.id, userId: learner.id },
      });
      await joinCohort(t.db, learner, asTyped(cohort.joinCode));

      const memberships = await t.db.cohortMembership.findMany({
        where: { cohortId: cohort.id, userId: learner.id },
      });
      expect(memberships).toEqual([first]);
    });

    it("survives a double-submitted join (two requests at once)", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Double click");
      const learner = await actor("learner");
      const results = await Promise.allSettled([
        joinCohort(t.db, learner, cohort.joinCode),
        joinCohort(t.db, learner, cohort.joinCode),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await t.db.cohortMembership.count({ where: { cohortId: cohort.id, userId: learner.id } })).toBe(
        1,
      );
    });

    it("answers an unknown code with a NotFoundError that says what to do", async () => {
      let unused = newJoinCode();
      while (await t.db.cohort.findUnique({ where: { joinCode: unused } })) unused = newJoinCode();
      const learner = await actor("learner");

      const error = await joinCohort(t.db, learner, unused).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toBe(
        "No cohort has that join code: check it with your instructor",
      );
      expect((error as NotFoundError).status).toBe(404);
      expect(await t.db.cohortMembership.count({ where: { userId: learner.id } })).toBe(0);
    });

    it.each(["", "ABC", "ABCD23456", "OOOO0000", "ab!d2345"])(
      "answers the malformed code %j with a NotFoundError that says what to do",
      async (code) => {
        const error = await joinCohort(t.db, await actor("learner"), code).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(NotFoundError);
        expect((error as Error).message).toBe("That join code is not valid: check it with your instructor");
      },
    );
  });

  // The one access check of instructor pages, routes and actions (lib/instructor/cohort-access.ts).
  describe("findTaughtCohort", () => {
    async function twoCohorts() {
      const teacherA = await actor("instructor");
      const teacherB = await actor("instructor");
      const cohortA = await createCohort(t.db, teacherA, "Cohort A");
      const cohortB = await createCohort(t.db, teacherB, "Cohort B");
      return { teacherA, teacherB, cohortA, cohortB };
    }

    it("finds a cohort its creator and a co-teacher who joined by code teach", async () => {
      const { teacherA, cohortA } = await twoCohorts();
      const coTeacher = await actor("instructor", "Aaron Co-teacher");
      await joinCohort(t.db, coTeacher, cohortA.instructorCode);
      for (const teacher of [teacherA, coTeacher])
        await expect(findTaughtCohort(t.db, teacher, cohortA.id)).resolves.toMatchObject({
          id: cohortA.id,
          name: "Cohort A",
          joinCode: cohortA.joinCode,
        });
    });

    it("refuses the instructor of cohort A access to cohort B", async () => {
      const { teacherA, cohortB } = await twoCohorts();
      await joinCohort(t.db, await actor("learner"), cohortB.joinCode);
      await expect(findTaughtCohort(t.db, teacherA, cohortB.id)).rejects.toThrow(
        new ForbiddenError("You do not teach this cohort."),
      );
    });

    it("refuses a learner, even a member of the cohort", async () => {
      const { cohortA } = await twoCohorts();
      const learner = await actor("learner");
      await joinCohort(t.db, learner, cohortA.joinCode);
      await expect(findTaughtCohort(t.db, learner, cohortA.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("refuses an actor who is no longer an instructor, even in a cohort they created", async () => {
      const { teacherA, cohortA } = await twoCohorts();
      const demoted: Actor = { ...teacherA, role: "learner" };
      await expect(findTaughtCohort(t.db, demoted, cohortA.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("refuses an instructor whose role in the cohort is learner; a cohort that does not exist is not found", async () => {
      const { teacherA, cohortA } = await twoCohorts();
      // Promoted after joining as a learner: the platform role alone does not grant access.
      const promoted = await actor("learner");
      await joinCohort(t.db, promoted, cohortA.joinCode);
      await expect(
        findTaughtCohort(t.db, { ...promoted, role: "instructor" }, cohortA.id),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(findTaughtCohort(t.db, teacherA, "no-such-cohort")).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("previewJoin", () => {
    it("names the cohort for a typed code and says whether the actor is already in it, without joining", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Preview");
      const learner = await actor("learner");

      expect(await previewJoin(t.db, learner, asTyped(cohort.joinCode))).toEqual({
        cohortId: cohort.id,
        name: "Preview",
        joinCode: cohort.joinCode,
        role: "learner",
        alreadyMember: false,
      });
      expect(await t.db.cohortMembership.count({ where: { userId: learner.id } })).toBe(0);

      await joinCohort(t.db, learner, cohort.joinCode);
      expect(await previewJoin(t.db, learner, cohort.joinCode)).toMatchObject({
        alreadyMember: true,
        role: "learner",
      });
    });

    it("tells an instructor they would co-teach by the invite code, and refuses malformed and unknown codes like joinCohort", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Co-teach");
      expect(await previewJoin(t.db, await actor("instructor"), cohort.instructorCode)).toMatchObject({
        role: "instructor",
        alreadyMember: false,
      });
      expect(await previewJoin(t.db, await actor("instructor"), cohort.joinCode)).toMatchObject({
        role: "learner",
      });
      let unused = newJoinCode();
      while (await t.db.cohort.findUnique({ where: { joinCode: unused } })) unused = newJoinCode();
      await expect(previewJoin(t.db, await actor("learner"), unused)).rejects.toBeInstanceOf(NotFoundError);
      await expect(previewJoin(t.db, await actor("learner"), "nope")).rejects.toThrow(
        new NotFoundError("That join code is not valid: check it with your instructor"),
      );
    });
  });

  describe("instructor invite codes", () => {
    it("a learner join code always makes a learner, even for an instructor account", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Learner code");
      const otherInstructor = await actor("instructor");
      await joinCohort(t.db, otherInstructor, cohort.joinCode);
      expect(
        await t.db.cohortMembership.findUnique({
          where: { cohortId_userId: { cohortId: cohort.id, userId: otherInstructor.id } },
        }),
      ).toMatchObject({ role: "learner" });
      await expect(findTaughtCohort(t.db, otherInstructor, cohort.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("the invite code makes instructors only of instructor accounts; a learner is refused and not added", async () => {
      const cohort = await createCohort(t.db, await actor("instructor"), "Invite code");
      expect(cohort.instructorCode).not.toBe(cohort.joinCode);
      const learner = await actor("learner");
      await expect(joinCohort(t.db, learner, cohort.instructorCode)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await t.db.cohortMembership.count({ where: { cohortId: cohort.id, userId: learner.id } })).toBe(
        0,
      );
      const coTeacher = await actor("instructor");
      await joinCohort(t.db, coTeacher, cohort.joinCode);
      await joinCohort(t.db, coTeacher, cohort.instructorCode);
      await expect(findTaughtCohort(t.db, coTeacher, cohort.id)).resolves.toMatchObject({ id: cohort.id });
    });

    it("gives cohorts made before invite codes one when they are listed", async () => {
      const teacher = await actor("instructor");
      const cohort = await createCohort(t.db, teacher, "Old cohort");
      await t.db.cohort.update({ where: { id: cohort.id }, data: { instructorCode: null } });
      const [listed] = await listTaughtCohorts(t.db, teacher);
      expect(isWellFormedJoinCode(listed!.instructorCode)).toBe(true);
      expect((await t.db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).instructorCode).toBe(
        listed!.instructorCode,
      );
    });
  });

  describe("listMyCohorts", () => {
    it("lists only the actor's own memberships, newest first, with their role", async () => {
      const teacher = await actor("instructor");
      const first = await createCohort(t.db, teacher, "First");
      const second = await createCohort(t.db, teacher, "Second");
      const learner = await actor("learner");
      const other = await actor("learner");
      await joinCohort(t.db, learner, first.joinCode);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await joinCohort(t.db, learner, second.joinCode);
      await joinCohort(t.db, other, first.joinCode);

      expect((await listMyCohorts(t.db, learner)).map(({ name, role }) => [name, role])).toEqual([
        ["Second", "learner"],
        ["First", "learner"],
      ]);
      expect((await listMyCohorts(t.db, other)).map((membership) => membership.cohortId)).toEqual([first.id]);
      expect((await listMyCohorts(t.db, teacher)).map(({ role }) => role)).toEqual([
        "instructor",
        "instructor",
      ]);
      expect(await listMyCohorts(t.db, await actor("learner"))).toEqual([]);
    });
  });
});
