/**
 * The capacity table of a Kubernetes RollingUpdate, computed the way the Deployment controller
 * moves: scale the new ReplicaSet up as far as maxSurge allows, scale the old one down as far as
 * maxUnavailable allows, wait for new Pods to become available, repeat. Idealised (every new Pod
 * becomes available, one round at a time), which is exactly what the lesson's worked example shows.
 */
import { resolveRollingUpdate } from "@/lib/sim/rollout/int-or-percent";
import type { IntOrPercent } from "@/lib/sim/rollout/schema";

export type CapacityRow = {
  /** What just happened, in the learner's words. */
  after: string;
  old: number;
  /** New Pods created, available or not. */
  created: number;
  /** New Pods available. */
  ready: number;
  /** Pods counted towards the surge limit: old + new. */
  pods: number;
  /** Pods serving: old (still available) + new available. */
  available: number;
};

export type CapacityPlan = { replicas: number; ceiling: number; floor: number; rows: CapacityRow[] };

export function rollingUpdateCapacity(replicas: number, maxSurge: IntOrPercent, maxUnavailable: IntOrPercent): CapacityPlan {
  const { surge, unavailable } = resolveRollingUpdate(replicas, maxSurge, maxUnavailable);
  const ceiling = replicas + surge;
  const floor = replicas - unavailable;
  let old = replicas;
  let created = 0;
  let ready = 0;

  // One controller sync: scale up then down until neither can move (Kubernetes syncs repeatedly).
  const settle = () => {
    for (let moved = true; moved; ) {
      moved = false;
      const up = Math.min(replicas - created, ceiling - (old + created));
      if (up > 0) {
        created += up;
        moved = true;
      }
      const down = Math.min(old, old + ready - floor);
      if (down > 0) {
        old -= down;
        moved = true;
      }
    }
  };
  const row = (after: string): CapacityRow => ({ after, old, created, ready, pods: old + created, available: old + ready });

  settle();
  const rows = [row("kubectl set image")];
  while (ready < replicas) {
    const before = ready;
    ready = created; // every Pod created so far becomes available this round
    settle();
    const first = before + 1;
    rows.push(row(first === ready ? `New Pod ${ready} available` : `New Pods ${first}–${ready} available`));
    if (ready === before) throw new Error("rollout cannot progress"); // unreachable: resolveRollingUpdate forbids 0/0
  }
  return { replicas, ceiling, floor, rows };
}
