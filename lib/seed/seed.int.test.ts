import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinCohort } from "@/lib/cohorts/queries";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { DEMO_ACCOUNTS, DEMO_COHORT } from "./demo-accounts";
import { seedDemo } from "./seed";

describe.each(testProviders())("seedDemo (%s)", (provider) => {
  let t: TestDatabase;
  let firstRun: { created: string[] };
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    firstRun = await seedDemo(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  function demoUser(role: "learner" | "instructor") {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
    return t.db.user.findUniqueOrThrow({ where: { email: account.email }, include: { accounts: true } });
  }

  it("reports both demo accounts as created on an empty database", () => {
    expect([...firstRun.created].sort()).toEqual(["instructor@shipshape.test", "learner@shipshape.test"]);
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
    });
    const before = await snapshot();
    expect(await seedDemo(t.db)).toEqual({ created: [] });
    expect(await seedDemo(t.db)).toEqual({ created: [] });
    expect(await snapshot()).toEqual(before);
  });

  it("lets a new learner join the demo cohort with its join code", async () => {
    const learner = await insertUser(t.db, "learner");
    const joined = await joinCohort(t.db, { id: learner.id, role: "learner" }, DEMO_COHORT.joinCode);
    const cohort = await t.db.cohort.findUniqueOrThrow({ where: { joinCode: DEMO_COHORT.joinCode } });
    expect(joined).toEqual({ cohortId: cohort.id, name: DEMO_COHORT.name });
  });
});
