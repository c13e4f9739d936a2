import type { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  exitImmediately,
  graceful,
  noHandler,
  simulateShutdown,
  type ShutdownScenario,
} from "@/lib/sim/shutdown";
import { CHECK_FAMILY, CheckSchema, type ShutdownCheck } from "../check-schema";
import { judgeShutdownCheck } from "./shutdown";

function check(input: z.input<typeof CheckSchema>): ShutdownCheck {
  const parsed = CheckSchema.parse(input);
  if (CHECK_FAMILY[parsed.type] !== "shutdown") throw new Error(`${parsed.type} is not a shutdown check`);
  return parsed as ShutdownCheck;
}

// The lesson's worked timeline: docker stop at 0 with A (2 s), B (4 s) and C (12 s) in flight,
// plus one new request at 1 s from a balancer that never notices anything.
const SCENARIO: ShutdownScenario = {
  platform: { kind: "docker" },
  requests: [
    { id: "A", atMs: 0, durationMs: 2_000 },
    { id: "B", atMs: 0, durationMs: 4_000 },
    { id: "C", atMs: 0, durationMs: 12_000 },
    { id: "late", atMs: 1_000, durationMs: 100 },
  ],
};

const ordersApi = simulateShutdown(SCENARIO, graceful()); // drain 5 s, force exit 8 s: C cut, exit 1 at 8 s
const killed = simulateShutdown(SCENARIO, noHandler()); // PID 1 ignores SIGTERM: SIGKILL at 10 s, 137
const hasty = simulateShutdown(SCENARIO, exitImmediately(0)); // exit 0 at once: A, B, C dropped, late refused

describe("requests", () => {
  it("passes within the allowed losses and fails beyond them, naming the losses", () => {
    expect(judgeShutdownCheck(check({ type: "requests", dropped: 1, refused: 0 }), ordersApi).passed).toBe(
      true,
    );
    expect(judgeShutdownCheck(check({ type: "requests", dropped: 0, refused: 0 }), ordersApi)).toMatchObject({
      passed: false,
      detail: expect.stringContaining("C dropped at 8 s (exit)"),
    });
    const result = judgeShutdownCheck(check({ type: "requests", refused: 0 }), hasty);
    expect(result).toMatchObject({
      passed: false,
      detail: expect.stringContaining("late refused at 1 s (process-exited)"),
    });
  });
});

describe("requests-completed", () => {
  it("passes when the named requests completed and says what happened to the others", () => {
    expect(judgeShutdownCheck(check({ type: "requests-completed", ids: ["A", "B"] }), ordersApi).passed).toBe(
      true,
    );
    expect(
      judgeShutdownCheck(check({ type: "requests-completed", ids: ["A", "C"] }), ordersApi),
    ).toMatchObject({
      passed: false,
      detail: "C was dropped at 8 s.",
    });
  });
});

describe("exit checks", () => {
  it("exit-code compares the code", () => {
    expect(judgeShutdownCheck(check({ type: "exit-code", code: 0 }), hasty).passed).toBe(true);
    expect(judgeShutdownCheck(check({ type: "exit-code", code: 0 }), killed)).toMatchObject({
      passed: false,
      detail: "The process exited with code 137 at 10 s, by SIGKILL at the end of the grace period.",
    });
  });

  it("exit-before-ms is strict: exiting at the deadline is too late", () => {
    expect(judgeShutdownCheck(check({ type: "exit-before-ms", ms: 10_000 }), killed).passed).toBe(false);
    expect(judgeShutdownCheck(check({ type: "exit-before-ms", ms: 10_001 }), killed).passed).toBe(true);
  });

  it("no-sigkill and exit-cause tell the app's own exit from the platform's", () => {
    expect(judgeShutdownCheck(check({ type: "no-sigkill" }), ordersApi).passed).toBe(true);
    expect(judgeShutdownCheck(check({ type: "no-sigkill" }), killed).passed).toBe(false);
    expect(judgeShutdownCheck(check({ type: "exit-cause", cause: "process-exit" }), ordersApi).passed).toBe(
      true,
    );
    expect(judgeShutdownCheck(check({ type: "exit-cause", cause: "process-exit" }), killed).passed).toBe(
      false,
    );
  });
});
