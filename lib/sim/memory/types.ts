import type { Limits } from "./limits";
import type { MemoryScenario } from "./schema";

/** Why a container's process ended. */
export type ExitReason = "heap-limit" | "oom-kill" | "completed";

/**
 * The events a learner would see in `docker events` (start, oom, die) plus what the process
 * itself prints (Node's heap-limit fatal error) and what the cgroup records (swap in use).
 */
export type MemoryEventBody =
  | { type: "start"; restartCount: number }
  | { type: "swap-started"; rssMb: number; ramMb: number }
  | { type: "heap-limit"; heapMb: number; limitMb: number }
  | { type: "oom"; rssMb: number; ramMb: number; swapMb: number }
  | { type: "die"; exitCode: number; oomKilled: boolean; uptimeMs: number }
  | { type: "restart-scheduled"; delayMs: number; restartCount: number }
  | { type: "not-restarted"; policy: string; exitCode: number };

export type MemoryEvent = MemoryEventBody & { at: number };

/** One point of `docker stats`: what the container holds at time t (zero while it is down). */
export type MemorySample = {
  t: number;
  running: boolean;
  heapMb: number;
  externalMb: number;
  /** What the process wants resident: native + heap + external. */
  rssMb: number;
  /** Charged to RAM (memory.current), at most memory.max. */
  ramMb: number;
  /** Pushed out to swap (memory.swap.current). */
  swapMb: number;
};

export type MemoryExit = { at: number; exitCode: number; reason: ExitReason };

export type MemorySummary = {
  limits: Limits;
  exits: MemoryExit[];
  /** memory.events oom_kill. */
  oomKills: number;
  heapLimitCrashes: number;
  completedRuns: number;
  restarts: number;
  state: "running" | "restarting" | "exited";
  /** The last exit, as `docker inspect` shows it (.State.ExitCode, .State.OOMKilled). */
  lastExit: { exitCode: number; oomKilled: boolean } | null;
  peakHeapMb: number;
  peakRssMb: number;
  peakRamMb: number;
  peakSwapMb: number;
  /** memory.max minus the highest RAM charge: how close the run came to the limit. */
  headroomMb: number;
  swappingMs: number;
  runningMs: number;
  endMs: number;
};

export type MemoryResult = {
  scenario: MemoryScenario;
  events: MemoryEvent[];
  samples: MemorySample[];
  summary: MemorySummary;
};
