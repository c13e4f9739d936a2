import { beforeAll, describe, expect, it } from "vitest";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { simulateShutdown, type ShutdownScenario } from "@/lib/sim/shutdown";
import { loadQuickJs } from "./node-quickjs";
import { createShutdownProgram } from "./shutdown-program";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

// docker stop at t=0 with the default 10 s grace; three requests in flight needing 2, 4 and 12 s.
const SCENARIO: ShutdownScenario = {
  platform: { kind: "docker" },
  launch: "exec",
  requests: [
    { id: "A", atMs: 0, durationMs: 2_000 },
    { id: "B", atMs: 0, durationMs: 4_000 },
    { id: "C", atMs: 0, durationMs: 12_000 },
  ],
};

function run(code: string, scenario: ShutdownScenario = SCENARIO) {
  const learner = createShutdownProgram(quickjs, code);
  expect(learner.loadError).toBeNull();
  const result = simulateShutdown(scenario, learner.program);
  learner.dispose();
  return result;
}

const GOOD = `
process.on("SIGTERM", () => {
  console.log("SIGTERM: draining");
  health.setReady(false);
  app.setConnectionClose(true);
  server.close(() => {
    db.close(() => process.exit(0));
  });
  setTimeout(() => {
    console.error("drain took too long");
    process.exit(1);
  }, 8000).unref();
});`;

describe("the learner's SIGTERM handler in the shutdown engine", () => {
  it("without a handler, Node as PID 1 ignores SIGTERM and is killed at the grace period (137)", () => {
    const { summary } = run("// no handler");
    expect(summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000 });
  });

  it("a draining handler lets A and B finish; C is cut by the app's own 8 s backstop (exit 1)", () => {
    const { summary, events } = run(GOOD);
    expect(summary).toMatchObject({ exitCode: 1, exitAtMs: 8_000 });
    expect(summary.requests).toMatchObject({ completed: 2, dropped: 1 });
    const logs = events.flatMap((event) => (event.type === "app-log" ? [event.message] : []));
    expect(logs).toEqual(["SIGTERM: draining (line 3)", "drain took too long (line 10)"]);
  });

  it("with the grace raised to 20 s and no backstop, everything completes and it exits 0", () => {
    const code = GOOD.replace(/setTimeout\([\s\S]*?\.unref\(\);/, "");
    const { summary } = run(code, { ...SCENARIO, platform: { kind: "docker", gracePeriodMs: 20_000 } });
    expect(summary.requests).toMatchObject({ completed: 3, dropped: 0 });
    expect(summary.exitCode).toBe(0);
    expect(summary.databaseClosed).toBe(true);
  });

  it("process.exit(0) straight away drops every request in flight", () => {
    const { summary } = run('process.on("SIGTERM", () => process.exit(0));');
    expect(summary).toMatchObject({ exitCode: 0, exitAtMs: 0 });
    expect(summary.requests.dropped).toBe(3);
  });

  it("an exception in the learner's callback is an uncaught exception: exit 1", () => {
    const { summary, events } = run(
      'process.on("SIGTERM", () => {\n  setTimeout(() => {\n    undefinedThing.close();\n  }, 100);\n});',
    );
    expect(summary).toMatchObject({ exitCode: 1, exitAtMs: 100 });
    expect(events.find((event) => event.type === "uncaught-exception")).toMatchObject({
      message: "ReferenceError: 'undefinedThing' is not defined",
    });
  });

  it("an endless loop in the handler is stopped by the sandbox and ends the process", () => {
    const learner = createShutdownProgram(quickjs, 'process.on("SIGTERM", () => { while (true) {} });', {
      cpuBudgetMs: 100,
      memoryBytes: 8 << 20,
    });
    const { summary } = simulateShutdown(SCENARIO, learner.program);
    expect(summary.exitCode).toBe(1);
    learner.dispose();
  });

  it("an unref'd backstop timer does not keep the process alive once the drain is done", () => {
    const scenario: ShutdownScenario = {
      ...SCENARIO,
      requests: [
        { id: "A", atMs: 0, durationMs: 2_000 },
        { id: "B", atMs: 0, durationMs: 4_000 },
      ],
    };
    const handler = (unref: string) => `
process.on("SIGTERM", () => {
  server.close(() => db.close(() => console.log("all closed")));
  setTimeout(() => process.exit(1), 8000)${unref};
});`;
    // Node exits by itself once the listener, connections and pool are gone: 4 s + 100 ms pool close.
    expect(run(handler(".unref()"), scenario).summary).toMatchObject({ exitCode: 0, exitAtMs: 4_100 });
    // Without unref() the backstop timer keeps Node alive until it fires.
    expect(run(handler(""), scenario).summary).toMatchObject({ exitCode: 1, exitAtMs: 8_000 });
  });
});
