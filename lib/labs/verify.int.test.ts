import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passedLabSlugs, listLabRuns } from "@/lib/progress/labs";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { getLab } from "./catalog";
import { solutionSubmission, starterSubmission } from "./test-helpers";
import { verifyAndRecord } from "./verify";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

describe.each(testProviders())("server verification of lab solutions (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  const lab = () => getLab("report-503-when-the-database-is-down")!;

  it("records a pass only when the server's own run passes", async () => {
    const user = await insertUser(database.db, "learner");
    const actor = { id: user.id, role: "learner" as const };
    const failing = await verifyAndRecord(database.db, actor, starterSubmission(lab()), quickjs);
    expect(failing).toMatchObject({ ok: true, recorded: true, result: { passed: false } });
    expect(await passedLabSlugs(database.db, actor)).toEqual(new Set());

    const passing = await verifyAndRecord(database.db, actor, solutionSubmission(lab()), quickjs);
    expect(passing).toMatchObject({ ok: true, result: { passed: true } });
    expect(await passedLabSlugs(database.db, actor)).toEqual(new Set([lab().slug]));
    const runs = await listLabRuns(database.db, actor, lab().slug);
    expect(runs.map((run) => run.passed)).toEqual([true, false]);
    expect(JSON.parse(runs[0]!.verdict)).toMatchObject({ checks: expect.any(Array) });
  }, 60_000);

  it("ignores a browser's claim to have passed: a tampered submission is rejected and recorded as failed", async () => {
    const user = await insertUser(database.db, "learner");
    const actor = { id: user.id, role: "learner" as const };
    const tampered = {
      ...starterSubmission(lab()),
      passed: true,
      checks: [{ label: "all good", passed: true }],
    };
    const result = await verifyAndRecord(database.db, actor, tampered, quickjs);
    expect(result).toMatchObject({ ok: true, result: { passed: false } });
    const starterClaimingPass = await verifyAndRecord(
      database.db,
      actor,
      { ...starterSubmission(lab()) },
      quickjs,
    );
    expect(starterClaimingPass).toMatchObject({ ok: true, result: { passed: false } });
    expect(await passedLabSlugs(database.db, actor)).toEqual(new Set());
  }, 60_000);

  it("answers an unknown lab with 404 and a missing lab name with 400, writing nothing", async () => {
    const user = await insertUser(database.db, "learner");
    const actor = { id: user.id, role: "learner" as const };
    expect(
      await verifyAndRecord(database.db, actor, { labSlug: "no-such-lab", code: "" }, quickjs),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await verifyAndRecord(database.db, actor, { code: "x" }, quickjs)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await listLabRuns(database.db, actor)).toEqual([]);
  });

  it("evaluates for anonymous visitors without recording anything", async () => {
    const result = await verifyAndRecord(database.db, null, solutionSubmission(lab()), quickjs);
    expect(result).toMatchObject({ ok: true, recorded: false, result: { passed: true } });
  }, 60_000);
});
