import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { solutionSubmission } from "@/lib/labs/test-helpers";
import { PoolBusyError, PoolClosedError, isPoolBusy } from "./errors";
import { createLabVerifier, type VerifySettings } from "./lab-verifier";
import { sourceWorkerEntry } from "./registry";
import type { WorkerEntry } from "./lab-verifier";

const REPORT_503 = getLab("report-503-when-the-database-is-down")!;
const DRAIN = getLab("drain-under-docker-stop")!;
const SETTINGS: VerifySettings = {
  workers: 1,
  queueMax: 1,
  timeoutMs: 8_000,
  heapMb: 96,
  cpuBudgetMs: 1_000,
};
const handler = (body: string) => ({
  labSlug: REPORT_503.slug,
  code: `const hostile = async (req, res) => {\n${body}\n};\nfor (const path of ["/health", "/livez", "/readyz"]) app.get(path, hostile);`,
});
const RECURSION = { labSlug: REPORT_503.slug, code: "function f(n) { return f(n + 1) + 1 }\nf(0);" };
const MEMORY_BOMB = handler('  const a = [];\n  while (true) { a.push("x".repeat(1e6)); }');
const CPU_BURN = handler("  const end = Date.now();\n  for (let i = 0; i < 2e6; i++) {}\n  res.send('ok');");

let entry: WorkerEntry;
beforeAll(async () => {
  entry = await sourceWorkerEntry();
}, 60_000);

const verifiers: { close(): Promise<void> }[] = [];
const start = (settings: Partial<VerifySettings> = {}) => {
  const verifier = createLabVerifier({ ...SETTINGS, ...settings }, entry);
  verifiers.push(verifier);
  return verifier;
};
afterAll(async () => {
  await Promise.all(verifiers.map((verifier) => verifier.close()));
});

describe("lab verification in worker threads", () => {
  it("verifies the worked solutions of a health and a shutdown lab", async () => {
    const verifier = start();
    expect((await verifier.verify(REPORT_503, solutionSubmission(REPORT_503))).passed).toBe(true);
    expect((await verifier.verify(DRAIN, solutionSubmission(DRAIN))).passed).toBe(true);
  }, 60_000);

  it("runs 20 runaway recursions, then the worked solution still passes", async () => {
    const verifier = start();
    for (let i = 0; i < 20; i += 1) {
      const result = await verifier.verify(REPORT_503, RECURSION);
      expect(result.passed).toBe(false);
      expect(result.headline).toMatch(/Maximum call stack size exceeded/);
    }
    expect((await verifier.verify(REPORT_503, solutionSubmission(REPORT_503))).passed).toBe(true);
  }, 120_000);

  it("ends a memory bomb with the memory message and replaces the worker", async () => {
    const verifier = start();
    const before = verifier.stats().replaced;
    const result = await verifier.verify(REPORT_503, MEMORY_BOMB);
    expect(result.headline).toMatch(/more than 24 MiB of memory/);
    expect(verifier.stats().replaced).toBe(before + 1);
    expect((await verifier.verify(REPORT_503, solutionSubmission(REPORT_503))).passed).toBe(true);
  }, 60_000);

  it("spends one CPU budget on the whole submission, not one per probe", async () => {
    const verifier = start();
    const result = await verifier.verify(REPORT_503, CPU_BURN);
    expect(result.headline).toMatch(/more than 1000 ms of CPU time/);
  }, 60_000);

  it("stops a job at its wall-clock deadline and replaces the worker", async () => {
    // A CPU budget far beyond the deadline: only the deadline can stop this.
    const verifier = start({ timeoutMs: 3_000, cpuBudgetMs: 30_000 });
    const result = await verifier.verify(REPORT_503, handler("  while (true) {}"));
    expect(result.headline).toMatch(/busy for more than 3 s/);
    expect(verifier.stats().replaced).toBe(1);
    expect((await verifier.verify(REPORT_503, solutionSubmission(REPORT_503))).passed).toBe(true);
  }, 60_000);

  it("answers busy with a retry time when every worker is taken and the queue is full", async () => {
    const verifier = start({ queueMax: 1, timeoutMs: 3_000, cpuBudgetMs: 30_000 });
    const looping = handler("  while (true) {}");
    const running = verifier.verify(REPORT_503, looping);
    const queued = verifier.verify(REPORT_503, looping);
    const refused = verifier.verify(REPORT_503, looping);
    await expect(refused).rejects.toBeInstanceOf(PoolBusyError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(verifier.stats()).toMatchObject({ busy: 1, queued: 1 });
    await Promise.all([running, queued]);
  }, 60_000);

  it("refuses the running and queued jobs of a closing pool as busy, with a retry time", async () => {
    const verifier = createLabVerifier({ ...SETTINGS, queueMax: 2, timeoutMs: 20_000, cpuBudgetMs: 30_000 }, entry);
    const looping = handler("  while (true) {}");
    const outcome = (job: Promise<unknown>) =>
      job.then(
        () => null,
        (reason: unknown) => reason,
      );
    const jobs = [outcome(verifier.verify(REPORT_503, looping)), outcome(verifier.verify(REPORT_503, looping))];
    await new Promise((resolve) => setTimeout(resolve, 200));
    await verifier.close();
    for (const error of await Promise.all(jobs)) {
      expect(error).toBeInstanceOf(PoolClosedError);
      expect(isPoolBusy(error)).toBe(true);
      expect(error).toMatchObject({ retryAfterSeconds: 5, message: "The lab checker is restarting. Try again in 5 s." });
    }
    await expect(verifier.verify(REPORT_503, looping)).rejects.toBeInstanceOf(PoolClosedError);
  }, 60_000);
});
