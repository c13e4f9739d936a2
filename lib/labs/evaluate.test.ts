import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { beforeEach, describe, expect, it } from "vitest";
import { LAB_FILES, LABS } from "@/content/labs";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { CODE_CHECK_LABEL, evaluateLab, SUBMISSION_CHECK_LABEL } from "./evaluate";
import { MAX_CODE_LENGTH, parseLab, type Lab } from "./schema";
import { DOCKER_HANG_CODE_LAB, DOCKER_HEALTH_CODE_LAB } from "@/lib/testing/docker-health-labs";
import { labBySlug, solutionSubmission, starterSubmission } from "./test-helpers";

let quickjs: QuickJSWASMModule;
// As on the server: each evaluation takes the loader's module, a fresh one after a run poisoned it.
beforeEach(async () => {
  quickjs = await loadQuickJs();
});

// The course's health-code labs run on Kubernetes; the Docker HEALTHCHECK path runs on test fixtures.
const DOCKER_FIXTURES = [DOCKER_HEALTH_CODE_LAB, DOCKER_HANG_CODE_LAB].map(parseLab);
const lab = (slug: string): Lab => labBySlug([...LABS, ...DOCKER_FIXTURES], slug);
const FLAGS = "pick-healthcheck-flags";
const REPORT_503 = DOCKER_HEALTH_CODE_LAB.slug;
const DRAIN = "drain-under-docker-stop";
const ROLLOUT = "zero-failure-rollout";
const flags = (params: Record<string, number>) => ({ labSlug: FLAGS, params });
const GOOD_FLAGS = { interval: 5, timeout: 3, startPeriod: 10, retries: 2 };

describe("tampered submissions are rejected before anything runs", () => {
  it.each([
    [
      "a setting below its minimum",
      flags({ ...GOOD_FLAGS, interval: 0 }),
      "params.interval: must be between 1 and 60",
    ],
    [
      "a setting above its maximum",
      flags({ ...GOOD_FLAGS, timeout: 31 }),
      "params.timeout: must be between 1 and 30",
    ],
    [
      "a fractional setting",
      flags({ ...GOOD_FLAGS, retries: 2.5 }),
      "params.retries: must be a whole number",
    ],
    ["a missing setting", flags({ interval: 5, timeout: 3, retries: 2 }), "params.startPeriod: is missing"],
    [
      "an extra setting",
      flags({ ...GOOD_FLAGS, startInterval: 1 }),
      "params.startInterval: is not a setting of this lab",
    ],
    [
      "code for a settings lab",
      { labSlug: FLAGS, code: "x", params: GOOD_FLAGS },
      "code: this lab takes settings, not code",
    ],
    ["a claimed result", { ...flags(GOOD_FLAGS), passed: true }, 'Unrecognized key: "passed"'],
    ["another lab's slug", { labSlug: DRAIN, params: GOOD_FLAGS }, `labSlug: this is the ${FLAGS} lab`],
  ])("%s", (_name, submission, message) => {
    const result = evaluateLab(lab(FLAGS), submission, null);
    expect(result).toMatchObject({ passed: false, summary: null, timeline: null });
    expect(result.checks).toEqual([
      { label: SUBMISSION_CHECK_LABEL, passed: false, detail: expect.stringContaining(message) },
    ]);
  });

  it.each([
    [
      "settings for a code lab",
      { labSlug: REPORT_503, code: "//", params: { interval: 1 } },
      "params: this lab takes code, not settings",
    ],
    ["no code", { labSlug: REPORT_503 }, "code: is required"],
    [
      "code over the size limit",
      { labSlug: REPORT_503, code: "/".repeat(MAX_CODE_LENGTH + 1) },
      "at most 20000 characters",
    ],
    ["not an object at all", "app.get('/health', ...)", "expected object"],
  ])("code lab: %s", (_name, submission, message) => {
    const result = evaluateLab(lab(REPORT_503), submission, quickjs);
    expect(result.passed).toBe(false);
    expect(result.checks[0]?.detail).toContain(message);
  });

  it("a settings lab does not need QuickJS at all", () => {
    expect(evaluateLab(lab(FLAGS), flags(GOOD_FLAGS), null).passed).toBe(true);
  });
});

describe("code that is not the solution does not pass", () => {
  const run = (slug: string, code: string) => evaluateLab(lab(slug), { labSlug: slug, code }, quickjs);

  it("a /health that always answers 503 is never healthy", () => {
    const result = run(REPORT_503, 'app.get("/health", (req, res) => res.status(503).send("down"));');
    expect(result.passed).toBe(false);
    expect(result.checks.find((check) => check.label.startsWith("Healthy before"))?.passed).toBe(false);
  });

  it("a timeout above Docker's own still ends in timeouts (exit −1)", () => {
    const slowRace = `
app.get("/health", async (req, res) => {
  try {
    await Promise.race([db.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error("slow")), 5000))]);
    res.send("ok");
  } catch (error) {
    res.status(503).send(error.message);
  }
});`;
    const result = run(DOCKER_HANG_CODE_LAB.slug, slowRace);
    expect(result.passed).toBe(false);
    expect(result.checks[1]).toMatchObject({ passed: false, detail: expect.stringContaining("exit −1") });
  });

  it("a force-exit timer equal to the grace period loses the race to SIGKILL", () => {
    const code =
      'process.on("SIGTERM", () => {\n  server.close(() => process.exit(0));\n  setTimeout(() => process.exit(1), 10000);\n});';
    const result = run("exit-on-your-own-terms", code);
    expect(result.passed).toBe(false);
    expect(result.summary).toMatchObject({ kind: "shutdown", summary: { exitCode: 137, exitAtMs: 10_000 } });
  });

  it("the sandbox offers no way out: require, fetch and the real process are not there", () => {
    for (const escape of ['require("fs")', 'fetch("http://example.com")', "globalThis.process.kill(1)"]) {
      const result = run(REPORT_503, `${escape};\napp.get("/health", (req, res) => res.send("ok"));`);
      expect(result.passed).toBe(false);
      expect(result.checks[0]).toMatchObject({ label: CODE_CHECK_LABEL, passed: false });
    }
  });
});

describe("learner code errors come back as a failed check, never as an exception", () => {
  const run = (slug: string, code: string) => evaluateLab(lab(slug), { labSlug: slug, code }, quickjs);

  it("a syntax error: the sandbox's message with its line; nothing else is checked", () => {
    const result = run(REPORT_503, 'app.get("/health", (req, res) => {\n  res.send("ok"\n});');
    expect(result.checks[0]).toMatchObject({
      label: CODE_CHECK_LABEL,
      passed: false,
      detail: expect.stringMatching(/^SyntaxError: .*\(line \d\)$/),
    });
    expect(result.headline).toMatch(/^Your code did not load: SyntaxError/);
    expect(
      result.checks.slice(1).every((check) => !check.passed && check.detail.startsWith("Not checked")),
    ).toBe(true);
    expect(result.timeline).toBeNull();
  });

  it("a runtime error while loading, with its line", () => {
    const result = run(
      REPORT_503,
      '// first line\nconst pool = createPool();\napp.get("/health", (req, res) => res.send("ok"));',
    );
    expect(result.checks[0]?.detail).toBe("ReferenceError: 'createPool' is not defined (line 2)");
  });

  it("a runtime error inside a shutdown callback: the engine exits 1, the check names the line", () => {
    const code =
      'process.on("SIGTERM", () => {\n  setTimeout(() => {\n    server.shutdown();\n  }, 100);\n});';
    const result = run(DRAIN, code);
    expect(result.checks[0]).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^TypeError: .*\(line 3\)$/),
    });
    expect(result.summary).toMatchObject({
      kind: "shutdown",
      summary: { exitCode: 1, exitCause: "uncaught-exception" },
    });
  });

  it("an endless loop in the health handler is stopped by the CPU budget, and the run still ends", () => {
    const result = run(REPORT_503, 'app.get("/health", (req, res) => {\n  while (true) {}\n});');
    expect(result.passed).toBe(false);
    expect(result.checks[0]).toMatchObject({ passed: false, detail: expect.stringContaining("CPU time") });
    expect(result.timeline).not.toBeNull();
  }, 20_000);

  it("an endless loop in the SIGTERM handler is stopped too: exit 1, the CPU message", () => {
    const result = run(DRAIN, 'process.on("SIGTERM", () => {\n  for (;;) {}\n});');
    expect(result.checks[0]).toMatchObject({ passed: false, detail: expect.stringContaining("CPU time") });
    expect(result.summary).toMatchObject({ kind: "shutdown", summary: { exitCode: 1 } });
  }, 20_000);

  it("an endless loop at load time", () => {
    const result = run(DRAIN, "while (true) {}");
    expect(result.headline).toMatch(/^Your code did not load: .*CPU time/);
  }, 20_000);

  it("running out of memory", () => {
    const result = run(REPORT_503, "// a cache warmed at start-up\nconst warm = new Array(1e7).fill(0);");
    expect(result.headline).toMatch(/^Your code did not load: .*more than 24 MiB of memory/);
  }, 20_000);

  it("endless recursion, while loading, in a probe or in the SIGTERM handler, is the learner's error", async () => {
    const recursion = "function again() {\n  return again();\n}";
    expect(run(REPORT_503, `${recursion}\nagain();`).headline).toMatch(
      /^Your code did not load: RangeError: Maximum call stack/,
    );
    const inHandler = run(REPORT_503, `${recursion}\napp.get("/health", (req, res) => res.send(again()));`);
    // QuickJS's own limit trips first, so it is an ordinary exception in the handler: a 500, logged.
    expect(inHandler.passed).toBe(false);
    if (inHandler.timeline?.kind !== "health") throw new Error("expected a health timeline");
    expect(inHandler.timeline.runs[0]!.logs[0]).toMatchObject({
      level: "error",
      message: expect.stringMatching(/stack overflow/),
    });
    const inShutdown = run(DRAIN, `${recursion}\nprocess.on("SIGTERM", () => again());`);
    expect(inShutdown.checks[0]).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^RangeError: Maximum call stack/),
    });
    expect(inShutdown.summary).toMatchObject({ kind: "shutdown", summary: { exitCode: 1 } });
    // The next learner's run works (on the same module, or a fresh one if it was poisoned).
    const next = await loadQuickJs();
    expect(evaluateLab(lab(REPORT_503), solutionSubmission(lab(REPORT_503)), next).passed).toBe(true);
  });

  it("console output reaches the timeline with its line and virtual time", () => {
    const result = evaluateLab(lab(REPORT_503), solutionSubmission(lab(REPORT_503)), quickjs);
    if (result.timeline?.kind !== "health") throw new Error("expected a health timeline");
    expect(result.timeline.runs[0]?.logs[0]).toEqual({
      level: "warn",
      line: 6,
      message: "health: database check failed: db: connect ECONNREFUSED",
      atMs: 60_022,
    });
  });
});

describe("probes on two paths", () => {
  it("run the same code in two sandboxes but report its start-up output once", () => {
    const liveness = lab("keep-liveness-shallow");
    if (liveness.kind !== "health-code") throw new Error("expected a code lab");
    const code = 'console.log("orders-api starting");\n' + liveness.solution.code;
    const result = evaluateLab(liveness, { labSlug: liveness.slug, code }, quickjs);
    expect(result.passed).toBe(true);
    if (result.timeline?.kind !== "health") throw new Error("expected a health timeline");
    const starting = result.timeline.runs[0]!.logs.filter((log) => log.message === "orders-api starting");
    expect(starting).toEqual([{ level: "log", line: 1, message: "orders-api starting", atMs: 0 }]);
  });
});

describe("settings Kubernetes would reject", () => {
  it("maxSurge 0 with maxUnavailable 0 is a failed check with the API's message", () => {
    const result = evaluateLab(
      lab(ROLLOUT),
      { labSlug: ROLLOUT, params: { maxSurge: 0, maxUnavailable: 0, preStop: 5, minReady: 0 } },
      null,
    );
    expect(result.passed).toBe(false);
    expect(result.checks[0]).toEqual({
      label: "Kubernetes accepts the settings",
      passed: false,
      detail: "maxUnavailable: may not be 0 when maxSurge is 0",
    });
  });
});

describe("determinism", () => {
  it.each(LABS.map((each) => [each.slug, each] as const))(
    "%s: the same submission gives the same result",
    (_slug, each) => {
      for (const submission of [starterSubmission(each), solutionSubmission(each)]) {
        const first = evaluateLab(each, submission, quickjs);
        const second = evaluateLab(each, structuredClone(submission), quickjs);
        expect(second).toEqual(first);
        // Results cross the network and may be stored: plain JSON, nothing lost on the way.
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }
    },
  );
});

describe("bounded timelines", () => {
  it("a day of one-second probes keeps 5 000 events and counts the rest", () => {
    const file = LAB_FILES.find((each) => each.slug === FLAGS)!;
    const long = parseLab({
      ...file,
      scenario: {
        ...file.scenario,
        runs: [
          {
            id: "day",
            label: "A whole day",
            description: "Healthy all day long.",
            durationMs: 86_400_000,
            app: { bootMs: 0, responseMs: 5 },
          },
        ],
      },
      checks: [{ type: "never-unhealthy", run: "day" }],
    });
    const result = evaluateLab(long, flags({ interval: 1, timeout: 3, startPeriod: 0, retries: 3 }), null);
    if (result.timeline?.kind !== "health") throw new Error("expected a health timeline");
    const day = result.timeline.runs[0]!;
    expect(day.events).toHaveLength(5_000);
    expect(day.omittedEvents).toBeGreaterThan(100_000);
    // Checks and summaries still see the whole run.
    expect(result.passed).toBe(true);
    if (result.summary?.kind !== "health") throw new Error("expected a health summary");
    expect(day.events.length + day.omittedEvents).toBe(result.summary.runs[0]!.summary.probes * 2 + 2);
  });
});

describe("the flags lab's arithmetic", () => {
  const hangDetectionMs = (params: Record<string, number>) => {
    const result = evaluateLab(lab(FLAGS), flags(params), null);
    if (result.summary?.kind !== "health") throw new Error("expected a health summary");
    const unhealthyAt = result.summary.runs.find((run) => run.run === "hang")!.summary.timeToUnhealthyMs;
    return { result, afterHangMs: unhealthyAt === null ? null : unhealthyAt - 120_000 };
  };

  it("time to unhealthy never exceeds interval + retries × timeout + (retries − 1) × interval", () => {
    for (const interval of [1, 2, 5, 10, 30])
      for (const timeout of [3, 5, 10])
        for (const retries of [1, 2, 3, 5]) {
          const { afterHangMs } = hangDetectionMs({ interval, timeout, startPeriod: 10, retries });
          const bound = (interval + retries * timeout + (retries - 1) * interval) * 1000;
          // The bound plus one 5 ms answer: the last good probe may end just after the hang starts.
          if (afterHangMs !== null) expect(afterHangMs).toBeLessThanOrEqual(bound + 5);
          else expect(120_000 + bound).toBeGreaterThan(200_000 - 5); // the run ends before the bound
        }
  });

  it("the defaults are far too slow: about 150 s after the hang, outside the run", () => {
    expect(hangDetectionMs({ interval: 30, timeout: 30, startPeriod: 0, retries: 3 }).afterHangMs).toBeNull();
  });

  it("a 2 s timeout turns the slow spells into failures", () => {
    const { result } = hangDetectionMs({ interval: 5, timeout: 2, startPeriod: 10, retries: 2 });
    expect(result.checks[1]).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^Marked unhealthy at/),
    });
  });

  it("with a 1 s interval the boot needs the start period", () => {
    expect(
      evaluateLab(lab(FLAGS), flags({ interval: 1, timeout: 3, startPeriod: 0, retries: 3 }), null).checks[0],
    ).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/already marked unhealthy at 3(\.\d+)? s/),
    });
    expect(
      evaluateLab(lab(FLAGS), flags({ interval: 1, timeout: 3, startPeriod: 10, retries: 3 }), null).passed,
    ).toBe(true);
  });
});
