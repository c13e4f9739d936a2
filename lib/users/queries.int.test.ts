import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/access";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { promoteToInstructor } from "./queries";

describe.each(testProviders())("promoteToInstructor (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function actor(role: Actor["role"]): Promise<Actor> {
    return { id: (await insertUser(t.db, role)).id, role };
  }

  it("refuses a learner (including promoting themselves) with ForbiddenError", async () => {
    const learner = await actor("learner");
    const target = await insertUser(t.db, "learner");
    await expect(promoteToInstructor(t.db, learner, target.email)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(promoteToInstructor(t.db, learner, `${learner.id}@example.test`)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const roles = await t.db.user.findMany({
      where: { id: { in: [learner.id, target.id] } },
      select: { role: true },
    });
    expect(roles).toEqual([{ role: "learner" }, { role: "learner" }]);
  });

  it("lets an instructor promote a learner, matching the email case-insensitively", async () => {
    const instructor = await actor("instructor");
    const target = await insertUser(t.db, "learner", "To Promote");
    const bystander = await insertUser(t.db, "learner");

    const promoted = await promoteToInstructor(t.db, instructor, target.email.toUpperCase());
    expect(promoted).toMatchObject({
      id: target.id,
      role: "instructor",
      name: "To Promote",
      email: target.email,
    });

    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("instructor");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: bystander.id } })).role).toBe("learner");
  });

  it("rejects an unknown email and creates no one", async () => {
    const instructor = await actor("instructor");
    const before = await t.db.user.count();
    await expect(promoteToInstructor(t.db, instructor, "nobody@example.test")).rejects.toThrow();
    expect(await t.db.user.count()).toBe(before);
  });
});
