/** A simulated dependency (database, cache, disk) and the faults a learner can toggle on it over time. */
export type DependencyName = "db" | "cache" | "disk";
export type FaultMode = "down" | "slow" | "hang";
export type Fault = {
  dependency: DependencyName;
  fromMs: number;
  toMs?: number;
  mode: FaultMode;
  latencyMs?: number;
};

export const NORMAL_LATENCY_MS: Record<DependencyName, number> = { db: 4, cache: 1, disk: 1 };
/** How long a refused connection takes to fail (a driver's connect error is quick). */
export const REFUSED_AFTER_MS = 2;

export type DependencyAnswer =
  { ok: true; afterMs: number } | { ok: false; afterMs: number; error: string } | { hang: true };

/** What a call to `dependency` made at `atMs` does, given the active faults. */
export function answerAt(
  faults: readonly Fault[],
  dependency: DependencyName,
  atMs: number,
): DependencyAnswer {
  const fault = faults.find(
    (item) =>
      item.dependency === dependency && item.fromMs <= atMs && (item.toMs === undefined || atMs < item.toMs),
  );
  if (!fault) return { ok: true, afterMs: NORMAL_LATENCY_MS[dependency] };
  switch (fault.mode) {
    case "down":
      return { ok: false, afterMs: REFUSED_AFTER_MS, error: `${dependency}: connect ECONNREFUSED` };
    case "slow":
      return { ok: true, afterMs: fault.latencyMs ?? 5_000 };
    case "hang":
      return { hang: true };
  }
}
