import { describe, expect, it } from "vitest";
import type { ShutdownProgram } from "./program-types";
import { ABC, simulate } from "./test-fixtures";

/** The chapter's Flask handler, time.sleep(30): blocking work in which nothing else runs. */

describe("blocking in the signal handler", () => {
  it("under the 10 s default the sleep is SIGKILLed: even the 2 s request never answers, db.close() never runs", () => {
    const run = simulate({ requests: ABC }, { builtin: "sleep-then-exit", sleepMs: 30_000 });
    expect(["A", "B", "C"].map(run.fate)).toEqual(Array(3).fill("dropped:sigkill@10000"));
    expect(run.has("db-close-started")).toBe(false);
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 10_000, databaseClosed: false });
  });

  it("with a 40 s grace it waits the full 30 s even with nothing left to do, then closes the db and exits 0", () => {
    const run = simulate(
      {
        platform: { kind: "docker", gracePeriodMs: 40_000 },
        requests: [...ABC, { id: "during", atMs: 20_000, durationMs: 100 }],
      },
      { builtin: "sleep-then-exit", sleepMs: 30_000 },
    );
    // Responses wait for the blocked event loop; the listener still queues new connections.
    expect(["A", "B", "C", "during"].map(run.fate)).toEqual(Array(4).fill("completed@30000"));
    expect(run.times("unblocked")).toEqual([30_000]);
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 30_100, databaseClosed: true });
  });

  it("timers due during the block fire when it ends, and readiness polls fail while blocked", () => {
    const fired: number[] = [];
    const run = simulate(
      { routing: { readinessProbe: { periodMs: 1_000, failureThreshold: 3 } } },
      {
        name: "timer then block",
        listensTo: ["SIGTERM"],
        onSignal(_signal, api) {
          api.setTimeout(() => fired.push(api.now()), 1_000);
          api.block(4_000);
        },
      },
    );
    expect(fired).toEqual([4_000]);
    expect(run.events.filter((e) => e.type === "lb-probe").slice(0, 4)).toMatchObject([
      { t: 1_000, ok: false },
      { t: 2_000, ok: false },
      { t: 3_000, ok: false },
      { t: 4_000, ok: true },
    ]);
    expect(run.times("routing-stopped")[0]).toBe(3_000);
  });

  it("clearTimeout still works on a timer that the block postponed", () => {
    const fired: number[] = [];
    simulate(
      { platform: { kind: "docker", gracePeriodMs: 30_000 } },
      {
        name: "clear after block",
        listensTo: ["SIGTERM"],
        onSignal(_signal, api) {
          const id = api.setTimeout(() => fired.push(api.now()), 1_000);
          api.block(2_000, () => api.clearTimeout(id));
        },
      },
    );
    expect(fired).toEqual([]);
  });

  it("API calls placed after block() instead of in its callback are a programming error: exit 1", () => {
    const wrong: ShutdownProgram = {
      name: "sleep then exit, written synchronously",
      listensTo: ["SIGTERM"],
      onSignal(_signal, api) {
        api.block(1_000);
        api.exit(0);
      },
    };
    const run = simulate({}, wrong);
    expect(run.events.find((e) => e.type === "uncaught-exception")).toMatchObject({
      message: "code after block() must go in its callback",
    });
    expect(run.summary.exitCode).toBe(1);
  });
});
