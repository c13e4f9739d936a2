/**
 * The Docker health state machine, read off the simulator's own rules rather than drawn by hand:
 * each kind of probe result is fed to `recordProbeResult` from every status, and whatever status
 * comes back is the arrow. If the engine changes, the lesson's diagram changes with it.
 */
import { recordProbeResult, resetForStart } from "@/lib/sim/healthcheck/health-state";
import type { HealthState, HealthStatus } from "@/lib/sim/healthcheck/types";

export const HEALTH_STATUSES: readonly HealthStatus[] = ["starting", "healthy", "unhealthy"];

export type HealthTransition = {
  from: HealthStatus;
  to: HealthStatus;
  /** Short label for the drawing. */
  short: string;
  /** Full sentence for the text alternative. */
  long: string;
};

type Case = {
  short: string;
  long: string;
  exitCode: number;
  /** Failing streak before the probe. */
  streak: (retries: number) => number;
  /** Whether the probe started inside the start period. */
  early: boolean;
};

const START_PERIOD_MS = 30_000;

function cases(retries: number): Case[] {
  return [
    { short: "success", long: "a probe exits 0: the streak resets to 0", exitCode: 0, streak: () => retries - 1, early: false },
    {
      short: "fail, not counted",
      long: "a probe fails inside the start period while the status is still starting: logged, not counted",
      exitCode: 1,
      streak: () => 0,
      early: true,
    },
    {
      short: `fail, streak < ${retries}`,
      long: `a counted failure leaves the streak below retries (${retries})`,
      exitCode: 1,
      streak: () => 0,
      early: false,
    },
    {
      short: `fail, streak = ${retries}`,
      long: `a counted failure brings the streak to retries (${retries})`,
      exitCode: 1,
      streak: (r) => r - 1,
      early: false,
    },
  ];
}

/** Every distinct (from, to, cause) the engine produces, plus the reset on each container start. */
export function healthTransitions(retries = 3): HealthTransition[] {
  const found: HealthTransition[] = [];
  for (const from of HEALTH_STATUSES) {
    for (const c of cases(retries)) {
      if (c.early && from !== "starting") continue; // the start period only matters while starting
      const state: HealthState = { status: from, failingStreak: c.streak(retries), log: [] };
      const startMs = c.early ? START_PERIOD_MS / 2 : START_PERIOD_MS * 2;
      const entry = { startMs, endMs: startMs + 10, exitCode: c.exitCode, output: "" };
      const rules = { containerStartedAtMs: 0, startPeriodMs: START_PERIOD_MS, retries };
      const to = recordProbeResult(state, entry, rules).state.status;
      found.push({ from, to, short: c.short, long: c.long });
    }
    if (from !== "starting") {
      const to = resetForStart({ status: from, failingStreak: retries, log: [] }).status;
      found.push({ from, to, short: "restart", long: "the container starts or restarts: status starting, streak 0" });
    }
  }
  return found;
}

/** Transitions grouped per arrow: one arrow per (from, to) with every cause as a label line. */
export function healthArrows(retries = 3): Array<{ from: HealthStatus; to: HealthStatus; lines: string[] }> {
  const arrows = new Map<string, { from: HealthStatus; to: HealthStatus; lines: string[] }>();
  for (const t of healthTransitions(retries)) {
    const key = `${t.from}>${t.to}`;
    const arrow = arrows.get(key) ?? { from: t.from, to: t.to, lines: [] };
    // "fail, streak < 3" and "fail, streak = 3" both keep unhealthy unhealthy: say it once.
    const line = t.from === "unhealthy" && t.to === "unhealthy" ? "fail" : t.short;
    if (!arrow.lines.includes(line)) arrow.lines.push(line);
    arrows.set(key, arrow);
  }
  return [...arrows.values()];
}
