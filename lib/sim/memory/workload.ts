import type { Workload } from "./schema";

/** Memory of one process at a moment of its life (MiB). */
export type Usage = { heapMb: number; externalMb: number; rssMb: number };

/** One linear stretch, in process-local milliseconds. */
type Piece = { from: number; to: number; heap0: number; ext0: number; heapPerMs: number; extPerMs: number };

/** Why a process run ends, and when (ms after its start). */
export type RunEnd = { at: number; reason: "heap-limit" | "oom-kill" | "completed" } | null;

const PER_MIN = 60_000;

/**
 * The workload as linear pieces. Memory here is what the app keeps alive (its live set), not the
 * garbage between collections: V8 throws out of memory when the live heap no longer fits, and
 * the kernel charges what the process actually touches.
 */
export function pieces(workload: Workload): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  let heap = workload.heapMb;
  let ext = workload.externalMb;
  for (const phase of workload.phases) {
    const to = phase.durationMs === null ? Infinity : from + phase.durationMs;
    const piece = {
      from,
      to,
      heap0: heap,
      ext0: ext,
      heapPerMs: phase.heapMbPerMin / PER_MIN,
      extPerMs: phase.externalMbPerMin / PER_MIN,
    };
    out.push(piece);
    if (to === Infinity) return out;
    heap = Math.max(0, heap + piece.heapPerMs * (to - from));
    ext = Math.max(0, ext + piece.extPerMs * (to - from));
    from = to;
  }
  // A server idles on after its last phase with whatever it holds.
  out.push({ from, to: Infinity, heap0: heap, ext0: ext, heapPerMs: 0, extPerMs: 0 });
  return out;
}

/** Total length of the finite phases: when a batch job is done. */
export function workDurationMs(workload: Workload): number {
  return workload.phases.reduce((sum, phase) => sum + (phase.durationMs ?? Infinity), 0);
}

export function usageAt(workload: Workload, list: Piece[], t: number): Usage {
  const piece = list.find((candidate) => t < candidate.to) ?? list.at(-1)!;
  const dt = Math.min(t, piece.to) - piece.from;
  const heapMb = Math.max(0, piece.heap0 + piece.heapPerMs * dt);
  const externalMb = Math.max(0, piece.ext0 + piece.extPerMs * dt);
  return { heapMb, externalMb, rssMb: workload.nativeMb + heapMb + externalMb };
}

/**
 * First whole millisecond ≥ `from` at which `value0 + perMs·(t − from)` reaches `limit`, within
 * [from, to); null when it never does. Reaching the limit means the next allocation cannot fit.
 */
function reach(value0: number, perMs: number, limit: number, from: number, to: number): number | null {
  if (value0 >= limit) return from;
  if (perMs <= 0) return null;
  // Rounded at a micro-MiB first so that 100 MiB at 1 MiB/s lands on exactly 100 000 ms.
  const t = from + Math.ceil(Number(((limit - value0) / perMs).toFixed(6)));
  return t < to ? t : null;
}

/** When a process's heap reaches `heapLimitMb`, or its RSS reaches `rssLimitMb`, whichever is first. */
export function firstCrossing(
  workload: Workload,
  list: Piece[],
  limits: { heapMb: number; rssMb: number },
): { heapAt: number | null; rssAt: number | null } {
  let heapAt: number | null = null;
  let rssAt: number | null = null;
  for (const piece of list) {
    const native = workload.nativeMb;
    heapAt ??= reach(piece.heap0, piece.heapPerMs, limits.heapMb, piece.from, piece.to);
    rssAt ??= reach(
      native + piece.heap0 + piece.ext0,
      piece.heapPerMs + piece.extPerMs,
      limits.rssMb,
      piece.from,
      piece.to,
    );
    if (heapAt !== null && rssAt !== null) break;
  }
  return { heapAt, rssAt };
}

/**
 * How a run ends, on its own clock. V8 checks its limit on the allocation that would cross it and
 * aborts before the kernel sees that memory, so at the same millisecond the heap limit wins.
 */
export function runEnd(workload: Workload, list: Piece[], limits: { heapMb: number; killAtRssMb: number }): RunEnd {
  const { heapAt, rssAt } = firstCrossing(workload, list, { heapMb: limits.heapMb, rssMb: limits.killAtRssMb });
  const doneAt = workload.whenDone === "exit" ? workDurationMs(workload) : Infinity;
  const candidates: Array<{ at: number; reason: "heap-limit" | "oom-kill" | "completed" }> = [];
  if (heapAt !== null) candidates.push({ at: heapAt, reason: "heap-limit" });
  if (rssAt !== null) candidates.push({ at: rssAt, reason: "oom-kill" });
  if (Number.isFinite(doneAt)) candidates.push({ at: doneAt, reason: "completed" });
  // Stable order above breaks ties: heap limit, then the OOM kill, then completion.
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0] ?? null;
}

/** Peak heap and RSS over [0, until]: usage is linear between breakpoints, so check those and the end. */
export function peaks(workload: Workload, list: Piece[], until: number): { heapMb: number; rssMb: number } {
  let heapMb = 0;
  let rssMb = 0;
  const consider = (t: number) => {
    const usage = usageAt(workload, list, t);
    heapMb = Math.max(heapMb, usage.heapMb);
    rssMb = Math.max(rssMb, usage.rssMb);
  };
  for (const piece of list) {
    if (piece.from > until) break;
    consider(piece.from);
    // The value just before the next piece starts (its clamped start may differ).
    consider(Math.min(piece.to, until) - (piece.to <= until ? 1e-9 : 0));
  }
  consider(until);
  return { heapMb, rssMb };
}
