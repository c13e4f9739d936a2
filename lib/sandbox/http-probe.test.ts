import { beforeAll, describe, expect, it } from "vitest";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { simulate } from "@/lib/sim/healthcheck/simulate";
import { eventsOfType } from "@/lib/sim/healthcheck/timeline-queries";
import { createHttpProbe } from "./http-probe";
import { loadQuickJs } from "./node-quickjs";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

const DEEP_HANDLER = `
app.get("/health", async (req, res) => {
  try {
    await db.ping();
    res.status(200).json({ status: "ok" });
  } catch (error) {
    console.warn("db check failed:", error.message);
    res.status(503).json({ status: "unavailable", reason: error.message });
  }
});`;

// interval 10 s, timeout 3 s, retries 3, no start period; the app listens from 2 s.
const HEALTHCHECK = { intervalMs: 10_000, timeoutMs: 3_000, retries: 3 };

function run(code: string, faults: Parameters<typeof createHttpProbe>[2]["faults"], durationMs = 120_000) {
  const probe = createHttpProbe(quickjs, code, { path: "/health", faults, maxWaitMs: 60_000, bootMs: 2_000 });
  const timeline = simulate({ platform: "docker", durationMs, healthcheck: HEALTHCHECK }, probe.program);
  return { probe, timeline };
}

describe("the learner's /health handler as a Docker health-check probe", () => {
  it("is healthy at the first probe when the database answers", () => {
    const { probe, timeline } = run(DEEP_HANDLER, []);
    // First probe at 10 s (one interval after start); db answers in 4 ms → 200 → exit 0.
    expect(timeline.summary.timeToFirstHealthyMs).toBe(10_004);
    const first = eventsOfType(timeline.events, "probe-end")[0]!;
    expect(first).toMatchObject({ exitCode: 0, output: '{"status":"ok"}' });
    probe.dispose();
  });

  it("reports 503 while the database is down and turns unhealthy after three failures", () => {
    // db down from 25 s: probes at 10 (ok), then 20.004+10 = 30.004 (fail, 2 ms), 40.006, 50.008 → third failure.
    const { probe, timeline } = run(DEEP_HANDLER, [{ dependency: "db", fromMs: 25_000, mode: "down" }]);
    const ends = eventsOfType(timeline.events, "probe-end");
    expect(ends.slice(0, 5).map((event) => event.exitCode)).toEqual([0, 0, 22, 22, 22]);
    expect(ends[2]!.output).toBe("curl: (22) The requested URL returned error: 503");
    expect(timeline.summary.timeToUnhealthyMs).toBe(ends[4]!.atMs);
    expect(probe.logs[0]).toMatchObject({
      level: "warn",
      line: 7,
      message: "db check failed: db: connect ECONNREFUSED",
    });
    probe.dispose();
  });

  it("times out (exit −1) when the database hangs and the handler has no timeout of its own", () => {
    const { probe, timeline } = run(DEEP_HANDLER, [{ dependency: "db", fromMs: 15_000, mode: "hang" }]);
    const second = eventsOfType(timeline.events, "probe-end")[1]!;
    expect(second).toMatchObject({ exitCode: -1, timedOut: true });
    expect(second.atMs - eventsOfType(timeline.events, "probe-start")[1]!.atMs).toBe(3_000);
    probe.dispose();
  });

  it("a handler that gives up on a hanging database after 1 s answers 503 before the probe times out", () => {
    const withTimeout = `
const withTimeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("db check timed out")), ms))]);
app.get("/health", async (req, res) => {
  try {
    await withTimeout(db.ping(), 1000);
    res.status(200).send("ok");
  } catch (error) {
    res.status(503).send(error.message);
  }
});`;
    const { probe, timeline } = run(withTimeout, [{ dependency: "db", fromMs: 15_000, mode: "hang" }]);
    const second = eventsOfType(timeline.events, "probe-end")[1]!;
    expect(second).toMatchObject({ exitCode: 22, timedOut: false });
    expect(second.atMs - eventsOfType(timeline.events, "probe-start")[1]!.atMs).toBe(1_000);
    probe.dispose();
  });

  it("a shallow liveness handler stays healthy through a database outage", () => {
    const shallow = 'app.get("/health", (req, res) => res.status(200).send("ok"));';
    const { probe, timeline } = run(shallow, [{ dependency: "db", fromMs: 0, mode: "down" }]);
    expect(timeline.summary.timeToUnhealthyMs).toBeNull();
    expect(eventsOfType(timeline.events, "probe-end").every((event) => event.exitCode === 0)).toBe(true);
    probe.dispose();
  });

  it("refuses probes before the app listens, and answers 404 for a missing route", () => {
    const { probe, timeline } = run('app.get("/healthz", (req, res) => res.send("ok"));', [], 30_000);
    const ends = eventsOfType(timeline.events, "probe-end");
    expect(ends[0]).toMatchObject({
      exitCode: 22,
      output: "curl: (22) The requested URL returned error: 404",
    });
    probe.dispose();
    const early = createHttpProbe(quickjs, DEEP_HANDLER, {
      path: "/health",
      faults: [],
      maxWaitMs: 1_000,
      bootMs: 60_000,
    });
    expect(
      early.program({ nowMs: 10_000, sinceStartMs: 10_000, probeNumber: 1, kind: "healthcheck" }),
    ).toMatchObject({ exitCode: 7 });
    early.dispose();
  });

  it("turns an endless loop in the handler into a failing probe with the sandbox's message", () => {
    const looping = 'app.get("/health", (req, res) => {\n  while (true) {}\n});';
    const probe = createHttpProbe(quickjs, looping, {
      path: "/health",
      faults: [],
      maxWaitMs: 1_000,
      bootMs: 0,
      limits: { cpuBudgetMs: 150, memoryBytes: 8 << 20 },
    });
    const result = probe.program({
      nowMs: 10_000,
      sinceStartMs: 10_000,
      probeNumber: 1,
      kind: "healthcheck",
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/CPU time/);
    expect(probe.fatal()).toMatchObject({ kind: "cpu-budget" });
    probe.dispose();
  });

  it("spends one budget across probes: a handler that burns CPU on every probe is stopped", () => {
    const burning =
      'app.get("/health", (req, res) => {\n  const end = Date.now();\n  let x = 0;\n  for (let i = 0; i < 5e3; i++) x += i;\n  res.send(String(x + end));\n});';
    const probe = createHttpProbe(quickjs, burning, {
      path: "/health",
      faults: [],
      maxWaitMs: 1_000,
      bootMs: 0,
      limits: { cpuBudgetMs: 500, memoryBytes: 8 << 20 },
    });
    let probes = 0;
    let last = { exitCode: 0, output: "" } as ReturnType<typeof probe.program>;
    while (last.exitCode === 0 && probes < 10_000) {
      probes += 1;
      last = probe.program({
        nowMs: probes * 1_000,
        sinceStartMs: probes * 1_000,
        probeNumber: probes,
        kind: "healthcheck",
      });
    }
    // Each probe is far below the budget on its own; together they spend it.
    expect(probes).toBeGreaterThan(1);
    expect(last.output).toMatch(/CPU time/);
    expect(probe.fatal()).toMatchObject({ kind: "cpu-budget" });
    probe.dispose();
  });

  it("reports a syntax error in the learner's code at load time, with its line", () => {
    const probe = createHttpProbe(quickjs, 'app.get("/health", (req, res) => {\n  res.send(\n});', {
      path: "/health",
      faults: [],
      maxWaitMs: 1_000,
      bootMs: 0,
    });
    expect(probe.loadError).toMatchObject({ kind: "syntax" });
    probe.dispose();
  });
});

describe("a long simulation", () => {
  it("runs a day of probes against learner code within one budget sized for the day", () => {
    const probe = createHttpProbe(quickjs, DEEP_HANDLER, {
      path: "/health",
      faults: [{ dependency: "db", fromMs: 3_600_000, toMs: 3_660_000, mode: "down" }],
      maxWaitMs: 60_000,
      bootMs: 2_000,
      limits: { cpuBudgetMs: 30_000, memoryBytes: 16 << 20 },
    });
    const timeline = simulate(
      { platform: "docker", durationMs: 86_400_000, healthcheck: HEALTHCHECK },
      probe.program,
    );
    const ends = eventsOfType(timeline.events, "probe-end");
    expect(ends.length).toBeGreaterThan(8_000);
    expect(probe.fatal()).toBeNull();
    // The one-minute outage fails about six probes: enough (3 retries) to turn unhealthy, then healthy again.
    const statuses = eventsOfType(timeline.events, "status-change").map((event) => event.to);
    expect(statuses).toEqual(["healthy", "unhealthy", "healthy"]);
    probe.dispose();
  }, 60_000);
});

describe("learner code and the lab's names", () => {
  it("may declare its own variable with the name of a lab global", () => {
    const code =
      'const cache = new Map();\napp.get("/health", (req, res) => res.status(200).send(String(cache.size)));';
    const probe = createHttpProbe(quickjs, code, {
      path: "/health",
      faults: [],
      maxWaitMs: 1_000,
      bootMs: 0,
    });
    expect(probe.loadError).toBeNull();
    expect(
      probe.program({ nowMs: 1_000, sinceStartMs: 1_000, probeNumber: 1, kind: "healthcheck" }),
    ).toMatchObject({ exitCode: 0, output: "0" });
    probe.dispose();
  });

  it("points a bad call into the lab API at the learner's line, not the prelude's", () => {
    const probe = createHttpProbe(quickjs, "const ok = true;\napp.get(42);", {
      path: "/health",
      faults: [],
      maxWaitMs: 1_000,
      bootMs: 0,
    });
    expect(probe.loadError).toMatchObject({ kind: "runtime", line: 2 });
    probe.dispose();
  });
});
