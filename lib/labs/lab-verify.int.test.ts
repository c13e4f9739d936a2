import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpLearner, submitToServer } from "@/lib/testing/lab-client";
import { startProductionServer, type RunningServer } from "@/lib/testing/production-server";
import { MODULE_MEMORY_MAX_BYTES } from "@/lib/sandbox/memory-cap";
import { getLab } from "./catalog";
import { solutionSubmission } from "./test-helpers";

// Hostile submissions against the real production server: verification runs in worker threads,
// so the request thread keeps answering and the process keeps its memory.
const REPORT_503 = getLab("report-503-when-the-database-is-down")!;
const handler = (body: string) => ({
  labSlug: REPORT_503.slug,
  code: `const hostile = async (req, res) => {\n${body}\n};\nfor (const path of ["/health", "/livez", "/readyz"]) app.get(path, hostile);`,
});
const RECURSION = { labSlug: REPORT_503.slug, code: "function f(n){ return f(n+1)+1 }\nf(0);" };
const MEMORY_BOMB = handler('  const a = [];\n  while (true) { a.push("x".repeat(1e6)); }');
// About 1 s of CPU per probe on this machine: under a per-probe budget it ran for 10-19 s.
const CPU_BURN_PER_PROBE = handler(
  "  const t = Date.now();\n  for (let i = 0; i < 3e7; i++) {}\n  res.send('ok');",
);

/** Resident memory of the server process (main thread and its workers), in MiB. */
function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Polls /api/health every 50 ms until `done` settles; returns each answer's latency. */
async function pollHealth(server: RunningServer, done: Promise<unknown>) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}/api/health`).catch((error: Error) => error);
    latencies.push(performance.now() - started);
    if (response instanceof Error || !response.ok)
      failures.push(String(response instanceof Error ? response.message : response.status));
    else await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (performance.now() - started))));
  }
  return { latencies, failures };
}

describe("lab verification on the production server", () => {
  let server: RunningServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startProductionServer({
      LAB_VERIFY_WORKERS: "2",
      LAB_VERIFY_QUEUE_MAX: "8",
      LAB_SUBMIT_RATE_MAX: "1000",
    });
    cookie = await signUpLearner(server, "hostile@example.test");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("asks anonymous visitors to sign in and rejects a submission that does not fit, storing nothing", async () => {
    const anonymous = await submitToServer(server, null, solutionSubmission(REPORT_503));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.reason).toBe("sign-in");
    const invalid = await submitToServer(server, cookie, {
      labSlug: REPORT_503.slug,
      params: { interval: 5 },
    });
    expect(invalid.status).toBe(422);
  });

  it("(a) verifies 20 runaway recursions, then the worked solution passes", async () => {
    for (let i = 0; i < 20; i += 1) {
      const answer = await submitToServer(server, cookie, RECURSION);
      expect(answer.status).toBe(200);
      expect(answer.body.result).toMatchObject({ passed: false });
      expect(answer.body.result!.headline).toMatch(/Maximum call stack size exceeded/);
    }
    const solution = await submitToServer(server, cookie, solutionSubmission(REPORT_503));
    expect(solution.status).toBe(200);
    expect(solution.body.result).toMatchObject({ passed: true });
  }, 120_000);

  it("(b, c) keeps /api/health under 100 ms while a CPU burner and a memory bomb verify, and gives the memory back", async () => {
    // Warm: both workers have verified something, so "before" includes their normal footprint.
    await Promise.all([0, 1].map(() => submitToServer(server, cookie, solutionSubmission(REPORT_503))));
    const before = rssMiB(server.process.pid!);
    // The same polling with nothing verifying: what this machine gives anyway (for the log).
    const baseline = await pollHealth(server, new Promise((resolve) => setTimeout(resolve, 2_000)));

    const hostile = Promise.all([
      submitToServer(server, cookie, CPU_BURN_PER_PROBE),
      submitToServer(server, cookie, MEMORY_BOMB),
    ]);
    const { latencies, failures } = await pollHealth(server, hostile);
    const [burn, bomb] = await hostile;

    console.log(
      `/api/health during two hostile verifications: ${latencies.length} polls, max ${Math.max(...latencies).toFixed(1)} ms; memory bomb answered in ${bomb.ms.toFixed(0)} ms; idle baseline max ${Math.max(...baseline.latencies).toFixed(1)} ms; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    expect(burn.status).toBe(200);
    // Its CPU budget, or on a loaded machine the wall-clock deadline, whichever comes first.
    expect(burn.body.result!.headline).toMatch(/more than 1000 ms of CPU time|busy for more than 5 s/);
    expect(bomb.status).toBe(200);
    expect(bomb.body.result!.headline).toContain(`more than ${MODULE_MEMORY_MAX_BYTES >> 20} MiB of memory`);
    expect(failures).toEqual([]);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(100);
    expect(bomb.ms).toBeLessThan(2_000);

    // The poisoned worker was replaced; let the old thread's memory go, then compare.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await submitToServer(server, cookie, solutionSubmission(REPORT_503));
    const after = rssMiB(server.process.pid!);
    console.log(`server RSS before ${before.toFixed(0)} MiB, after ${after.toFixed(0)} MiB`);
    expect(Math.abs(after - before)).toBeLessThan(50);
  }, 120_000);
});

describe("a full verification queue", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startProductionServer({ LAB_VERIFY_WORKERS: "1", LAB_VERIFY_QUEUE_MAX: "0" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("(d) answers busy with 503 and Retry-After instead of waiting", async () => {
    const cookie = await signUpLearner(server, "queue@example.test");
    // The first takes the only worker for about a second (its CPU budget); nothing may queue.
    const running = submitToServer(server, cookie, handler("  while (true) {}"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await submitToServer(server, cookie, solutionSubmission(REPORT_503));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      reason: "busy",
      error: expect.stringMatching(/busy\. Try again in \d+ s/),
    });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await running).status).toBe(200);
    // Once the worker is free the same submission goes through.
    expect((await submitToServer(server, cookie, solutionSubmission(REPORT_503))).body.result).toMatchObject({
      passed: true,
    });
  }, 60_000);
});
