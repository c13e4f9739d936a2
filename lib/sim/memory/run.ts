import { decideRestart, INITIAL_RESTART_MANAGER, type RestartPolicyName } from "../healthcheck/restart-manager";
import { resolveLimits } from "./limits";
import { parseMemoryScenario, type MemoryScenarioInput } from "./schema";
import type { ExitReason, MemoryEvent, MemoryExit, MemoryResult, MemorySample } from "./types";
import { firstCrossing, peaks, pieces, runEnd, usageAt } from "./workload";

const EXIT_CODE: Record<ExitReason, number> = {
  // Node's fatal-error handler calls abort(): SIGABRT, 128 + 6.
  "heap-limit": 134,
  // The kernel's OOM killer sends SIGKILL: 128 + 9.
  "oom-kill": 137,
  completed: 0,
};

type Run = { start: number; end: number; exited: boolean };

/**
 * The memory engine: a Node app's container from `docker run` to the horizon. Each run of the
 * process follows the workload from a fresh start; its end (V8's heap limit, the kernel's OOM
 * kill, or the batch finishing) is computed exactly from the linear workload, then Docker's
 * restart manager decides whether and when the next run starts. Pure and deterministic.
 */
export function simulateMemory(input: MemoryScenarioInput): MemoryResult {
  const scenario = parseMemoryScenario(input);
  const { workload, horizonMs } = scenario;
  const limits = resolveLimits(scenario);
  const list = pieces(workload);
  const killAtRssMb = limits.ramMb + limits.swapMb;
  const end = runEnd(workload, list, { heapMb: limits.heapMb, killAtRssMb });
  const swapAt = firstCrossing(workload, list, { heapMb: Infinity, rssMb: limits.ramMb }).rssAt;
  const life = end?.at ?? Infinity;
  // Every run is the same process from the same start, so its shape is computed once.
  const peak = peaks(workload, list, Math.min(life, horizonMs));

  const events: MemoryEvent[] = [];
  const exits: MemoryExit[] = [];
  const runs: Run[] = [];
  let manager = INITIAL_RESTART_MANAGER;
  let t = 0;
  let state: "running" | "restarting" | "exited" = "running";
  let lastExit: { exitCode: number; oomKilled: boolean } | null = null;

  while (t < horizonMs) {
    events.push({ at: t, type: "start", restartCount: manager.restartCount });
    state = "running";
    const exitAt = t + life;
    if (swapAt !== null && swapAt < life && t + swapAt < horizonMs) {
      const usage = usageAt(workload, list, swapAt);
      events.push({ at: t + swapAt, type: "swap-started", rssMb: round(usage.rssMb), ramMb: limits.ramMb });
    }
    if (!end || exitAt > horizonMs) {
      runs.push({ start: t, end: horizonMs, exited: false });
      break;
    }
    runs.push({ start: t, end: exitAt, exited: true });
    const usage = usageAt(workload, list, end.at);
    if (end.reason === "heap-limit")
      events.push({ at: exitAt, type: "heap-limit", heapMb: round(usage.heapMb), limitMb: limits.heapMb });
    if (end.reason === "oom-kill")
      // moby logs `oom` when containerd reports the cgroup's OOM, then `die` on the exit.
      events.push({ at: exitAt, type: "oom", rssMb: round(usage.rssMb), ramMb: limits.ramMb, swapMb: limits.swapMb });
    const exitCode = EXIT_CODE[end.reason];
    const oomKilled = end.reason === "oom-kill";
    events.push({ at: exitAt, type: "die", exitCode, oomKilled, uptimeMs: life });
    exits.push({ at: exitAt, exitCode, reason: end.reason });
    lastExit = { exitCode, oomKilled };

    const decision = decideRestart(scenario.restartPolicy as RestartPolicyName, manager, {
      exitCode,
      uptimeMs: life,
    });
    manager = decision.manager;
    if (!decision.restart) {
      events.push({ at: exitAt, type: "not-restarted", policy: scenario.restartPolicy, exitCode });
      state = "exited";
      break;
    }
    events.push({ at: exitAt, type: "restart-scheduled", delayMs: decision.delayMs, restartCount: manager.restartCount });
    state = "restarting";
    t = exitAt + decision.delayMs;
  }

  const samples = sampleRuns(scenario.sampleEveryMs, horizonMs, runs, (local) => {
    const usage = usageAt(workload, list, local);
    const ramMb = Math.min(usage.rssMb, limits.ramMb);
    return { ...usage, ramMb, swapMb: usage.rssMb - ramMb };
  });

  const runningMs = runs.reduce((sum, run) => sum + (run.end - run.start), 0);
  const swappingMs = runs.reduce((sum, run) => sum + swapTime(run.end - run.start), 0);
  function swapTime(length: number): number {
    let ms = 0;
    for (const piece of list) {
      if (piece.from >= length) break;
      const to = Math.min(piece.to, length);
      const start = workload.nativeMb + piece.heap0 + piece.ext0 - limits.ramMb;
      const slope = piece.heapPerMs + piece.extPerMs;
      // Over this piece rss − ram is linear: the part where it is > 0.
      ms += positiveSpan(start, slope, to - piece.from);
    }
    return ms;
  }

  const peakRam = Math.min(peak.rssMb, limits.ramMb);
  return {
    scenario,
    events,
    samples,
    summary: {
      limits,
      exits,
      oomKills: exits.filter((exit) => exit.reason === "oom-kill").length,
      heapLimitCrashes: exits.filter((exit) => exit.reason === "heap-limit").length,
      completedRuns: exits.filter((exit) => exit.reason === "completed").length,
      restarts: manager.restartCount,
      state,
      lastExit,
      peakHeapMb: round(peak.heapMb),
      peakRssMb: round(peak.rssMb),
      peakRamMb: round(peakRam),
      peakSwapMb: round(Math.max(0, peak.rssMb - limits.ramMb)),
      headroomMb: round(limits.ramMb - peakRam),
      swappingMs: Math.round(swappingMs),
      runningMs,
      endMs: horizonMs,
    },
  };
}

/** Length of the part of [0, length) where start + slope·x > 0. */
function positiveSpan(start: number, slope: number, length: number): number {
  if (slope === 0) return start > 0 ? length : 0;
  const zero = -start / slope;
  if (slope > 0) return start > 0 ? length : Math.max(0, length - zero);
  return start > 0 ? Math.min(length, zero) : 0;
}

function sampleRuns(
  every: number,
  horizon: number,
  runs: Run[],
  at: (local: number) => Omit<MemorySample, "t" | "running">,
): MemorySample[] {
  const samples: MemorySample[] = [];
  let index = 0;
  for (let t = 0; ; t = Math.min(t + every, horizon)) {
    while (index < runs.length && runs[index]!.end <= t && (runs[index]!.exited || runs[index]!.end < horizon)) index++;
    const run = runs[index];
    if (run && run.start <= t && (t < run.end || (!run.exited && t === horizon)))
      samples.push({ t, running: true, ...rounded(at(t - run.start)) });
    else samples.push({ t, running: false, heapMb: 0, externalMb: 0, rssMb: 0, ramMb: 0, swapMb: 0 });
    if (t === horizon) return samples;
  }
}

function rounded(sample: Omit<MemorySample, "t" | "running">): Omit<MemorySample, "t" | "running"> {
  return {
    heapMb: round(sample.heapMb),
    externalMb: round(sample.externalMb),
    rssMb: round(sample.rssMb),
    ramMb: round(sample.ramMb),
    swapMb: round(sample.swapMb),
  };
}

/** MiB to three decimals: enough for a chart, stable across engines. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
