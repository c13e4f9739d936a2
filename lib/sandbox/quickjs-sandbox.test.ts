import { beforeEach, describe, expect, it } from "vitest";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { loadQuickJs } from "./node-quickjs";
import { isPoisoned } from "./quickjs-module";
import { CpuMeter, QuickJsSandbox, type HostFunctions } from "./quickjs-sandbox";

let quickjs: QuickJSWASMModule;
// A test that hits a limit poisons its module; the loader then hands the next test a fresh one.
beforeEach(async () => {
  quickjs = await loadQuickJs();
});

function sandbox(host: HostFunctions = {}, limits = { cpuBudgetMs: 300, memoryBytes: 8 << 20 }) {
  return new QuickJsSandbox(quickjs, host, limits);
}

describe("QuickJsSandbox", () => {
  it("runs learner code and calls the functions it defines", () => {
    const box = sandbox();
    expect(box.evaluate("globalThis.add = (a, b) => a + b;")).toBeNull();
    expect(box.callGlobal("add", [2, 3])).toEqual({ value: 5 });
    expect(box.callGlobal("add", [{ x: 1 }, "y"])).toEqual({ value: "[object Object]y" });
    box.dispose();
  });

  it("stops an endless loop with a clear message once the CPU budget is spent", () => {
    const box = sandbox();
    const started = Date.now();
    const error = box.evaluate("let i = 0;\nwhile (true) { i++; }");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toMatchObject({ kind: "cpu-budget" });
    expect(error!.message).toMatch(/CPU time.*endless loop/);
    box.dispose();
  });

  it("counts the budget across calls, not per call", () => {
    const box = sandbox({}, { cpuBudgetMs: 300, memoryBytes: 8 << 20 });
    box.evaluate("globalThis.burn = (n) => { let x = 0; for (let i = 0; i < n; i++) x += i; return x; };");
    // Many short calls, each far below the budget, add up until the budget is spent.
    let calls = 0;
    let longestCallMs = 0;
    let outcome: ReturnType<QuickJsSandbox["callGlobal"]> = { value: undefined };
    while (!("error" in outcome) && calls < 10_000) {
      const before = box.cpuMs;
      outcome = box.callGlobal("burn", [20_000]);
      longestCallMs = Math.max(longestCallMs, box.cpuMs - before);
      calls += 1;
    }
    expect(outcome).toMatchObject({ error: { kind: "cpu-budget" } });
    expect(calls).toBeGreaterThan(2);
    expect(longestCallMs).toBeLessThan(300);
    expect(box.cpuMs).toBeGreaterThanOrEqual(300);
    expect(box.callGlobal("burn", [10])).toMatchObject({ error: { kind: "cpu-budget" } });
    box.dispose();
  });

  it("shares one budget between the sandboxes of one submission", () => {
    const meter = new CpuMeter(200);
    const limits = { cpuBudgetMs: 200, memoryBytes: 8 << 20 };
    const first = new QuickJsSandbox(quickjs, {}, limits, meter);
    const second = new QuickJsSandbox(quickjs, {}, limits, meter);
    expect(first.evaluate("while (true) {}")).toMatchObject({ kind: "cpu-budget" });
    // The second sandbox has not run yet, but the submission's budget is gone.
    expect(second.evaluate("1 + 1")).toMatchObject({ kind: "cpu-budget" });
    first.dispose();
    second.dispose();
  });

  it("trips its own stack limit before the host's: 20 runaway recursions, then good code runs", async () => {
    const shapes = [
      "function f(n) { return f(n + 1) + 1 }\nf(0)",
      "const o = {}; o.toString = function () { return String(this) }; String(o)",
      "function h(n) { return [1].map(() => h(n + 1)) }\nh(0)",
      "function k(n) { return JSON.parse('1', () => k(n + 1)) }\nk(0)",
    ];
    for (let round = 0; round < 20; round += 1) {
      const box = new QuickJsSandbox(await loadQuickJs(), {});
      const error = box.evaluate(shapes[round % shapes.length]!);
      expect(error).toMatchObject({ kind: "runtime" });
      expect(error!.message).toMatch(/call stack size exceeded.*recursion/);
      box.dispose();
    }
    const box = new QuickJsSandbox(await loadQuickJs(), {});
    expect(box.evaluate("globalThis.ok = () => [1, 2, 3].map((n) => n * 2)")).toBeNull();
    expect(box.callGlobal("ok")).toEqual({ value: [2, 4, 6] });
    box.dispose();
  });

  it("bounds memory for real: big strings end in the memory message and poison the module", () => {
    const box = sandbox({}, { cpuBudgetMs: 5_000, memoryBytes: 16 << 20 });
    const started = performance.now();
    // The learner catches the error and carries on: the host still sees the bound was reached.
    const error = box.evaluate(
      'const a = [];\ntry { while (true) a.push("x".repeat(1e6)); } catch (e) { a.length = 0; }',
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ kind: "memory" });
    expect(quickjs.getWasmMemory().buffer.byteLength).toBeLessThanOrEqual(24 << 20);
    expect(isPoisoned(quickjs)).toBe(true);
    box.dispose();
  });

  it("stops code that allocates past the memory limit", () => {
    // A generous CPU budget, so that on a loaded machine the memory limit is what stops it.
    const box = sandbox({}, { cpuBudgetMs: 5_000, memoryBytes: 8 << 20 });
    const error = box.evaluate(
      "const parts = [];\nfor (let i = 0; ; i++) parts.push({ i, label: 'order-' + i });",
    );
    expect(error).toMatchObject({ kind: "memory" });
    expect(error!.message).toMatch(/more than 8 MiB/);
    box.dispose();
  });

  it("reports syntax and runtime errors with the learner's line number", () => {
    const box = sandbox();
    expect(box.evaluate("const a = 1;\nconst b = ;\n")).toMatchObject({ kind: "syntax", line: 2 });
    const runtime = box.evaluate("const ok = 1;\n\nnull.boom;");
    expect(runtime).toMatchObject({ kind: "runtime", line: 3 });
    expect(runtime!.message).toMatch(/^TypeError/);
    box.dispose();
  });

  it("captures console output with line numbers", () => {
    const box = sandbox();
    box.evaluate('console.log("starting", 3, { up: true });\n\nconsole.error(new Error("db down"));');
    expect(box.logs).toEqual([
      { level: "log", line: 1, message: 'starting 3 {"up":true}' },
      { level: "error", line: 3, message: "Error: db down (line 3)" },
    ]);
    box.dispose();
  });

  it("exposes no DOM, network, storage, real timers, modules or Node globals", () => {
    const box = sandbox();
    box.evaluate(
      "globalThis.probe = () => ['window','document','fetch','XMLHttpRequest','localStorage','process','require','setTimeout','WebSocket','importScripts','__hostCall'].filter((name) => typeof globalThis[name] !== 'undefined');",
    );
    expect(box.callGlobal("probe")).toEqual({ value: [] });
    box.dispose();
  });

  it("answers host calls at once, or later through a promise the host settles", () => {
    let nextId = 1;
    const deferred: number[] = [];
    const box = sandbox({
      "db.query": () => ({ value: [{ id: 7 }] }),
      "db.ping": () => {
        const id = nextId++;
        deferred.push(id);
        return { deferred: id };
      },
    });
    box.evaluate(`
      globalThis.state = "idle";
      globalThis.rows = () => __host.call("db.query");
      globalThis.check = async () => {
        state = "waiting";
        try { await __host.call("db.ping"); state = "up"; } catch (error) { state = "down: " + error.message; }
      };
      globalThis.read = () => state;
    `);
    expect(box.callGlobal("rows")).toEqual({ value: [{ id: 7 }] });
    box.callGlobal("check");
    box.runJobs();
    expect(box.callGlobal("read")).toEqual({ value: "waiting" });
    expect(box.settle(deferred[0]!, true)).toBeNull();
    expect(box.callGlobal("read")).toEqual({ value: "up" });

    box.callGlobal("check");
    expect(box.settle(deferred[1]!, false, "connection refused")).toBeNull();
    expect(box.callGlobal("read")).toEqual({ value: "down: connection refused" });
    box.dispose();
  });

  it("turns a call to a host function the lab does not offer into a guest error", () => {
    const box = sandbox();
    const error = box.evaluate('__host.call("fs.readFile", "/etc/passwd");');
    expect(error).toMatchObject({ kind: "runtime", line: 1 });
    expect(error!.message).toContain("fs.readFile is not available in this lab");
    box.dispose();
  });
});

describe("determinism inside the sandbox", () => {
  it("gives learner code the simulation's time and a fixed-seed Math.random", () => {
    let now = 12_345;
    const make = () => sandbox({ "clock.now": () => ({ value: now }) });
    const first = make();
    first.evaluate("globalThis.sample = () => [Date.now(), Math.random(), Math.random()];");
    const a = first.callGlobal("sample");
    const second = make();
    second.evaluate("globalThis.sample = () => [Date.now(), Math.random(), Math.random()];");
    expect(second.callGlobal("sample")).toEqual(a);
    now = 99_000;
    expect((first.callGlobal("sample") as { value: number[] }).value[0]).toBe(99_000);
    first.dispose();
    second.dispose();
  });

  it("gives new Date(), Date(), Date.now() and performance.now() the simulated clock, in UTC", () => {
    const zone = process.env.TZ;
    const sample = (tz: string) => {
      process.env.TZ = tz;
      const box = sandbox({ "clock.now": () => ({ value: 90_061_001 }) });
      box.evaluate(`globalThis.sample = () => [
        Date.now(), new Date().getTime(), performance.now(), String(new Date()), Date(),
        new Date().getHours(), new Date().toISOString(), new Date(2020, 0, 2).toISOString(),
        new Date() instanceof Date, new Date(5).getTime(), typeof Date.UTC,
      ];`);
      const result = box.callGlobal("sample");
      box.dispose();
      return result;
    };
    try {
      const utc = sample("UTC");
      expect(utc).toEqual({
        value: [
          90_061_001, 90_061_001, 90_061_001,
          "Fri, 02 Jan 1970 01:01:01 GMT", "Fri, 02 Jan 1970 01:01:01 GMT",
          1, "1970-01-02T01:01:01.001Z", "2020-01-02T00:00:00.000Z",
          true, 5, "function",
        ],
      });
      // The host's zone must not leak in: the browser and the server may be in different ones.
      expect(sample("Pacific/Kiritimati")).toEqual(utc);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("reports an error thrown by learner code with the learner's line, also when logged", () => {
    const box = sandbox();
    box.evaluate("try {\n  null.x;\n} catch (error) {\n  console.error(error);\n}");
    expect(box.logs[0]).toMatchObject({ level: "error", line: 4 });
    expect(box.logs[0]!.message).toMatch(/^TypeError: .* \(line 2\)$/);
    box.dispose();
  });
});
