import type { Sample } from "./types";
import type { World } from "./world";

/** What the world looks like right now, counted over live instances. */
export function snapshot(world: World): Omit<Sample, "t" | "served" | "errors"> {
  let readyOld = 0;
  let readyNew = 0;
  let capacity = 0;
  let available = 0;
  for (const instance of world.live) {
    if (instance.phase === "ready") {
      if (instance.role === "old") readyOld++;
      else readyNew++;
    }
    if (instance.available) available++;
    if (instance.routable && instance.accepting && (world.pools[instance.pool]?.weight ?? 0) > 0) {
      capacity++;
    }
  }
  // Gone instances may still be routable (endpoint race) but never accept, so live suffices.
  return { readyOld, readyNew, capacity, available, instances: world.live.length };
}

/**
 * Exact time-weighted capacity statistics: each state counts for the time it actually held, so
 * several changes within one millisecond never register as a dip.
 */
export type Tracker = {
  lastAt: number;
  capacity: number;
  available: number;
  minCapacity: number;
  minAvailable: number;
  maxInstances: number;
  capacityMs: Map<number, number>;
};

export function createTracker(world: World): Tracker {
  const now = snapshot(world);
  return {
    lastAt: 0,
    capacity: now.capacity,
    available: now.available,
    minCapacity: Infinity,
    minAvailable: Infinity,
    maxInstances: now.instances,
    capacityMs: new Map(),
  };
}

function commit(tracker: Tracker, until: number): void {
  if (until <= tracker.lastAt) return;
  const held = until - tracker.lastAt;
  tracker.capacityMs.set(tracker.capacity, (tracker.capacityMs.get(tracker.capacity) ?? 0) + held);
  tracker.minCapacity = Math.min(tracker.minCapacity, tracker.capacity);
  tracker.minAvailable = Math.min(tracker.minAvailable, tracker.available);
  tracker.lastAt = until;
}

/** Call after every state change, with world.now at the change. */
export function observe(tracker: Tracker, world: World): void {
  commit(tracker, world.now);
  const now = snapshot(world);
  tracker.capacity = now.capacity;
  tracker.available = now.available;
  tracker.maxInstances = Math.max(tracker.maxInstances, now.instances);
}

export function finishTracker(tracker: Tracker, end: number) {
  commit(tracker, end);
  const finite = (value: number) => (Number.isFinite(value) ? value : tracker.capacity);
  return {
    minCapacity: finite(tracker.minCapacity),
    minAvailable: Number.isFinite(tracker.minAvailable) ? tracker.minAvailable : tracker.available,
    maxInstances: tracker.maxInstances,
    capacityMs: [...tracker.capacityMs.entries()]
      .map(([capacity, ms]) => ({ capacity, ms }))
      .sort((a, b) => a.capacity - b.capacity),
  };
}
