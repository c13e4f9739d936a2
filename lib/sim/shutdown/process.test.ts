import { describe, expect, it } from "vitest";
import type { ShutdownProgram } from "./program-types";
import { ABC, simulate } from "./test-fixtures";

/** Fact sheet §3.2–3.4: who receives the signal, what the default action does, exit codes. */

const logsOnly: ShutdownProgram = {
  name: "handler that only logs",
  listensTo: ["SIGTERM"],
  onSignal: (signal, api) => api.log(`got ${signal}, ignoring it`),
};

describe("PID 1 and signal delivery", () => {
  it("Node as PID 1 without a handler ignores SIGTERM, serves on, and is SIGKILLed at the grace period: 137", () => {
    const run = simulate({ launch: "exec", requests: ABC }, { builtin: "no-handler" });
    expect(run.events.find((e) => e.type === "signal-received")).toMatchObject({
      t: 0,
      outcome: "ignored-as-pid1",
    });
    expect(run.fate("A")).toBe("completed@2000");
    expect(run.fate("C")).toBe("dropped:sigkill@10000");
    expect(run.summary).toMatchObject({
      exitCode: 137,
      exitAtMs: 10_000,
      exitCause: "sigkill",
      sigkillAtMs: 10_000,
    });
  });

  it("docker stop -t 30 moves the SIGKILL to 30 s", () => {
    const run = simulate(
      { platform: { kind: "docker", gracePeriodMs: 30_000 }, requests: ABC },
      { builtin: "no-handler" },
    );
    expect(run.fate("C")).toBe("completed@12000");
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 30_000 });
  });

  it("with --init and no handler, tini forwards SIGTERM and Node dies at once: 143, every request cut", () => {
    const run = simulate(
      { launch: "init", requests: [...ABC, { id: "late", atMs: 1_000, durationMs: 10 }] },
      { builtin: "no-handler" },
    );
    expect(run.events.find((e) => e.type === "signal-sent")).toMatchObject({ signal: "SIGTERM", to: "tini" });
    expect(["A", "B", "C"].map(run.fate)).toEqual(Array(3).fill("dropped:signal-default@0"));
    expect(run.fate("late")).toBe("refused:process-exited@1000");
    expect(run.summary).toMatchObject({
      exitCode: 143,
      exitAtMs: 0,
      exitCause: "signal-default",
      sigkillAtMs: null,
    });
  });

  it("exit code is 128 + the stop signal's number: SIGINT 130, SIGQUIT 131", () => {
    for (const [stopSignal, code] of [
      ["SIGINT", 130],
      ["SIGQUIT", 131],
    ] as const) {
      const run = simulate(
        { launch: "init", platform: { kind: "docker", stopSignal } },
        { builtin: "no-handler" },
      );
      expect(run.summary.exitCode).toBe(code);
    }
  });

  it("CMD npm start: the signal never reaches Node, so even a good handler never runs: 137", () => {
    const run = simulate({ launch: "npm", requests: ABC }, { builtin: "graceful" });
    expect(run.events.find((e) => e.type === "signal-received")).toMatchObject({
      outcome: "not-forwarded",
      via: "npm",
    });
    expect(run.has("readiness-changed")).toBe(false);
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000 });
  });

  it("a SIGTERM listener replaces Node's default exit, even behind tini", () => {
    const run = simulate({ launch: "init", requests: ABC }, logsOnly);
    expect(run.fate("B")).toBe("completed@4000");
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000 });
  });

  it("a listener for another signal does not catch the stop signal", () => {
    const run = simulate({ platform: { kind: "docker", stopSignal: "SIGQUIT" } }, logsOnly);
    expect(run.events.find((e) => e.type === "signal-received")).toMatchObject({
      outcome: "ignored-as-pid1",
    });
    expect(run.summary.exitCode).toBe(137);
  });

  it("a handler calling process.exit(0) at once exits 0 but drops everything in flight", () => {
    const run = simulate({ requests: ABC }, { builtin: "exit-immediately" });
    expect(["A", "B", "C"].map(run.fate)).toEqual(Array(3).fill("dropped:exit@0"));
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 0, exitCause: "process-exit" });
  });

  it("process.exit ends the process: later calls in the same handler are ignored", () => {
    const run = simulate(
      {},
      {
        name: "exits twice",
        listensTo: ["SIGTERM"],
        onSignal(_signal, api) {
          api.exit(0);
          api.exit(1);
          api.setReady(false);
        },
      },
    );
    expect(run.summary.exitCode).toBe(0);
    expect(run.has("readiness-changed")).toBe(false);
  });

  it("an uncaught exception in the handler exits 1", () => {
    const run = simulate(
      { requests: ABC },
      {
        name: "throws",
        listensTo: ["SIGTERM"],
        onSignal() {
          throw new Error("boom");
        },
      },
    );
    expect(run.events.find((e) => e.type === "uncaught-exception")).toMatchObject({ message: "boom" });
    expect(run.summary).toMatchObject({ exitCode: 1, exitAtMs: 0, exitCause: "uncaught-exception" });
    expect(run.fate("A")).toBe("dropped:exit@0");
  });

  it("Node exits 0 by itself once nothing keeps the event loop alive, but an open pool keeps it running", () => {
    const closeOnly: ShutdownProgram = {
      name: "close the server, nothing else",
      listensTo: ["SIGTERM"],
      onSignal: (_signal, api) => api.closeServer(),
    };
    const ab = ABC.slice(0, 2);
    const noDb = simulate({ database: null, requests: ab }, closeOnly);
    expect(noDb.summary).toMatchObject({ exitCode: 0, exitAtMs: 4_000, exitCause: "event-loop-empty" });
    const withDb = simulate({ requests: ab }, closeOnly);
    expect(withDb.summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000 });
  });
});
