import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solutionRevealedAt, recordSolutionReveal } from "@/lib/progress/lab-activity";
import { passedLabSlugs, listLabRuns } from "@/lib/progress/labs";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { getLab } from "./catalog";
import { evaluateLab } from "./evaluate";
import { PoolBusyError, PoolClosedError } from "./pool/errors";
import { createRateLimiter, memoryRateLimitStore } from "./rate-limit";
import { solutionSubmission, starterSubmission } from "./test-helpers";
import { verifyAndRecord, type VerifyDeps } from "./verify";

// The pool itself is tested in pool/lab-verifier.test.ts and against the production server;
// here the same evaluation runs in-process so the tests are about what is checked and stored.
const inProcess: VerifyDeps["verifier"] = {
  verify: async (lab, submission) => evaluateLab(lab, submission, await loadQuickJs()),
};
const deps = (max = 100): VerifyDeps => ({
  verifier: inProcess,
  limiter: createRateLimiter({ max, windowMs: 60_000, store: memoryRateLimitStore() }),
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
  const learner = async () => {
    const user = await insertUser(database.db, "learner");
    return { id: user.id, role: "learner" as const };
  };
  const rejectedCount = async (userId: string) =>
    (await database.db.labActivity.findUnique({ where: { userId_labSlug: { userId, labSlug: lab().slug } } }))
      ?.rejectedSubmissions ?? 0;

  it("records a pass only when the server's own run passes", async () => {
    const actor = await learner();
    const failing = await verifyAndRecord(database.db, actor, starterSubmission(lab()), deps());
    expect(failing).toMatchObject({ ok: true, result: { passed: false } });
    expect(await passedLabSlugs(database.db, actor)).toEqual(new Set());

    const passing = await verifyAndRecord(database.db, actor, solutionSubmission(lab()), deps());
    expect(passing).toMatchObject({ ok: true, result: { passed: true }, afterReveal: false });
    expect(await passedLabSlugs(database.db, actor)).toEqual(new Set([lab().slug]));
    const runs = await listLabRuns(database.db, actor, lab().slug);
    expect(runs.map((run) => run.passed)).toEqual([true, false]);
    expect(runs.map((run) => run.afterReveal)).toEqual([false, false]);
    expect(JSON.parse(runs[0]!.verdict)).toMatchObject({ checks: expect.any(Array) });
  }, 60_000);

  it("stores nothing of a submission that does not fit the lab, only a counter", async () => {
    const actor = await learner();
    const tampered = { ...starterSubmission(lab()), passed: true, checks: [{ label: "all good", passed: true }] };
    const oversized = { labSlug: lab().slug, code: "x".repeat(20_001) };
    const settingsForCode = { labSlug: lab().slug, params: { interval: 5 } };
    for (const input of [tampered, oversized, settingsForCode]) {
      const result = await verifyAndRecord(database.db, actor, input, deps());
      expect(result).toMatchObject({ ok: false, status: 422, reason: "invalid" });
    }
    expect(await listLabRuns(database.db, actor)).toEqual([]);
    expect(await rejectedCount(actor.id)).toBe(3);
  }, 60_000);

  it("answers an unknown lab with 404 and a missing lab name with 400, writing nothing", async () => {
    const actor = await learner();
    expect(
      await verifyAndRecord(database.db, actor, { labSlug: "no-such-lab", code: "" }, deps()),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await verifyAndRecord(database.db, actor, { code: "x" }, deps())).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await listLabRuns(database.db, actor)).toEqual([]);
    expect(await rejectedCount(actor.id)).toBe(0);
  });

  it("limits submits per learner, with a retry time, and runs nothing past the limit", async () => {
    const actor = await learner();
    const other = await learner();
    const limited = deps(2);
    for (let i = 0; i < 2; i += 1)
      expect(await verifyAndRecord(database.db, actor, starterSubmission(lab()), limited)).toMatchObject({ ok: true });
    const third = await verifyAndRecord(database.db, actor, starterSubmission(lab()), limited);
    expect(third).toMatchObject({ ok: false, status: 429, reason: "rate-limited", retryAfterSeconds: 60 });
    expect(await listLabRuns(database.db, actor)).toHaveLength(2);
    expect(await verifyAndRecord(database.db, other, starterSubmission(lab()), limited)).toMatchObject({ ok: true });
  }, 60_000);

  it("answers busy with a retry time and records nothing when the checker's queue is full", async () => {
    const actor = await learner();
    const busy: VerifyDeps = {
      ...deps(),
      verifier: { verify: () => Promise.reject(new PoolBusyError(7)) },
    };
    const result = await verifyAndRecord(database.db, actor, solutionSubmission(lab()), busy);
    expect(result).toEqual({
      ok: false,
      status: 503,
      reason: "busy",
      error: "The lab checker is busy. Try again in 7 s.",
      retryAfterSeconds: 7,
    });
    expect(await listLabRuns(database.db, actor)).toEqual([]);
  });

  it("answers busy, not an error, when the server shuts down under a verification", async () => {
    const actor = await learner();
    const closing: VerifyDeps = {
      ...deps(),
      verifier: { verify: () => Promise.reject(new PoolClosedError()) },
    };
    const result = await verifyAndRecord(database.db, actor, solutionSubmission(lab()), closing);
    expect(result).toEqual({
      ok: false,
      status: 503,
      reason: "busy",
      error: "The lab checker is restarting. Try again in 5 s.",
      retryAfterSeconds: 5,
    });
    expect(await listLabRuns(database.db, actor)).toEqual([]);
  });

  it("records a reveal once and marks a pass that came after it", async () => {
    const actor = await learner();
    expect(await solutionRevealedAt(database.db, actor, lab().slug)).toBeNull();
    const first = await recordSolutionReveal(database.db, actor, lab().slug, new Date("2026-12-01T10:00:00Z"));
    await recordSolutionReveal(database.db, actor, lab().slug, new Date("2026-12-02T10:00:00Z"));
    expect(await solutionRevealedAt(database.db, actor, lab().slug)).toEqual(first);
    const passing = await verifyAndRecord(database.db, actor, solutionSubmission(lab()), deps());
    expect(passing).toMatchObject({ ok: true, result: { passed: true }, afterReveal: true });
    expect((await listLabRuns(database.db, actor))[0]).toMatchObject({ passed: true, afterReveal: true });
  }, 60_000);
});
