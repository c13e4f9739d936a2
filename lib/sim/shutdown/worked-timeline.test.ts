import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ProgramSpec } from "./program-types";
import { ABC, simulate } from "./test-fixtures";
import type { ShutdownScenario } from "./types";

/**
 * Lesson 06's "Worked timeline: 2, 4 and 12 seconds" table, read from the lesson itself, so the
 * engine and the lesson cannot drift apart. Each cell is checked against the engine's outcome.
 */
const lesson = readFileSync(
  path.resolve(import.meta.dirname, "../../../content/lessons/06-high-availability.mdx"),
  "utf8",
);

function workedTable(): string[][] {
  const lines = lesson.slice(lesson.indexOf("### Worked timeline")).split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("|"));
  // Skip the header row and the |---| separator.
  return lines.slice(start + 2, end).map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

const SETUPS: Record<string, { scenario: ShutdownScenario; program: ProgramSpec }> = {
  "Exec form, no handler (Node is PID 1)": {
    scenario: { launch: "exec" },
    program: { builtin: "no-handler" },
  },
  "`--init`, no handler": { scenario: { launch: "init" }, program: { builtin: "no-handler" } },
  "Draining handler, 30 s force-exit timer": {
    scenario: {},
    program: { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 30_000 },
  },
  "orders-api handler, 10 s grace (drain 5 s, force exit 8 s)": {
    scenario: { platform: { kind: "docker", gracePeriodMs: 10_000 } },
    program: { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 8_000 },
  },
  "orders-api handler, `stop_grace_period: 30s` (force exit 25 s)": {
    scenario: { platform: { kind: "compose", gracePeriodMs: 30_000 } },
    program: { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 25_000 },
  },
};

const seconds = (text: string) => Math.round(Number(text) * 1000);

/** "Completes", "Completes at 12 s", "Cut by SIGKILL at 10 s", "Cut at 0 s", "Cut by the app at 8 s". */
function expectedFate(cell: string): { fate: string; atMs?: number; cause?: string } {
  const completes = /^Completes(?: at ([\d.]+) s)?$/.exec(cell);
  if (completes) return { fate: "completed", atMs: completes[1] ? seconds(completes[1]) : undefined };
  const cut = /^Cut(?: by (SIGKILL|the app))? at ([\d.]+) s$/.exec(cell);
  if (!cut) throw new Error(`unrecognised cell: ${cell}`);
  const cause = cut[1] === "SIGKILL" ? "sigkill" : cut[1] === "the app" ? "exit" : undefined;
  return { fate: "dropped", atMs: seconds(cut[2]!), cause };
}

describe("lesson 06 worked timeline table", () => {
  const rows = workedTable();

  it("has the five rows the engine reproduces", () => {
    expect(rows.map((row) => row[0])).toEqual(Object.keys(SETUPS));
  });

  for (const [setup, a, b, c, ends, code] of rows) {
    it(setup ?? "row", () => {
      const { scenario, program } = SETUPS[setup!]!;
      const run = simulate({ ...scenario, requests: ABC }, program);
      ["A", "B", "C"].forEach((id, index) => {
        const expected = expectedFate([a, b, c][index]!);
        const [fate, at] = run.fate(id).split("@");
        expect(fate!.split(":")[0], `${id} fate`).toBe(expected.fate);
        if (expected.atMs !== undefined) expect(Number(at), `${id} time`).toBe(expected.atMs);
        if (expected.cause) expect(fate, `${id} cause`).toBe(`dropped:${expected.cause}`);
      });
      const about = /^About ([\d.]+) s$/.exec(ends!);
      if (about) {
        // "About": at that instant or within cleanup time after it.
        expect(run.summary.exitAtMs).toBeGreaterThanOrEqual(seconds(about[1]!));
        expect(run.summary.exitAtMs).toBeLessThanOrEqual(seconds(about[1]!) + 500);
      } else {
        expect(run.summary.exitAtMs).toBe(seconds(ends!.replace(" s", "")));
      }
      expect(run.summary.exitCode).toBe(Number(code));
    });
  }

  it("row one keeps accepting new requests for the whole 10 s; those still running die with C", () => {
    const run = simulate(
      {
        requests: [
          ...ABC,
          { id: "D", atMs: 6_000, durationMs: 1_000 },
          { id: "E", atMs: 9_500, durationMs: 2_000 },
        ],
      },
      { builtin: "no-handler" },
    );
    expect(run.fate("D")).toBe("completed@7000");
    expect(run.fate("E")).toBe("dropped:sigkill@10000");
    expect(run.fate("C")).toBe("dropped:sigkill@10000");
  });

  it("row three: SIGKILL at 10 s means the force-exit timer, its log line and pool.end() never run", () => {
    const run = simulate(
      { requests: ABC },
      { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 30_000 },
    );
    expect(run.times("timer-fired")).toEqual([5_000]); // the drain timer only
    expect(run.has("db-close-started")).toBe(false);
    expect(run.summary).toMatchObject({ exitCode: 137, sigkillAtMs: 10_000, databaseClosed: false });
  });

  it("row five: new requests are served until the listener closes at 5 s, and exit 0 follows C", () => {
    const run = simulate(
      {
        platform: { kind: "compose", gracePeriodMs: 30_000 },
        requests: [
          ...ABC,
          { id: "D", atMs: 4_900, durationMs: 1_000 },
          { id: "E", atMs: 5_500, durationMs: 100 },
        ],
      },
      { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 25_000 },
    );
    expect(run.fate("D")).toBe("completed@5900");
    expect(run.fate("E")).toBe("refused:listener-closed@5500");
    expect(run.fate("C")).toBe("completed@12000");
    // C's response carries Connection: close, the close callback runs, the pool takes 100 ms.
    expect(run.summary).toMatchObject({
      exitCode: 0,
      exitAtMs: 12_100,
      listenerClosedAtMs: 5_000,
      databaseClosed: true,
    });
    expect(run.summary.requests).toMatchObject({ completed: 4, dropped: 0, refused: 1 });
  });

  it("check-yourself 1: grace falls back to 10 s, so the 15 s request is SIGKILLed and the 25 s timer never fires", () => {
    const run = simulate(
      {
        platform: { kind: "compose" },
        requests: [
          { id: "short", atMs: 0, durationMs: 3_000 },
          { id: "long", atMs: 0, durationMs: 15_000 },
        ],
      },
      { builtin: "graceful", drainDelayMs: 5_000, forceExitMs: 25_000 },
    );
    expect(run.fate("short")).toBe("completed@3000");
    expect(run.summary.listenerClosedAtMs).toBe(5_000);
    expect(run.fate("long")).toBe("dropped:sigkill@10000");
    expect(run.summary.exitCode).toBe(137);
  });
});
