import type { Instance } from "./instance";
import type { RolloutScenario } from "./schema";
import type { ErrorCause, Role } from "./types";
import type { Pool, World } from "./world";

/**
 * Requests, one by one but without clock entries: arrivals are arithmetic (request k at
 * floor(k · 1000 / rate) ms) and completions sit in a FIFO (every request takes requestMs, so
 * they finish in arrival order). Nothing is random: pools are chosen by a running weighted
 * split, instances round-robin, and a faulty version fails exactly floor(n · errorRate) of its
 * first n answers.
 */
export type TrafficState = {
  requestMs: number;
  /** Error rate per version in parts per million, for exact integer arithmetic. */
  ppm: Record<Role, number>;
  answered: Record<Role, number>;
  queueAt: number[];
  queueInstance: Instance[];
  queueEpoch: number[];
  head: number;
  split: number;
  requests: number;
  served: number;
  errors: number;
  byCause: Record<ErrorCause, number>;
};

/** Outcomes of one pool's requests over time, for a sliding-window error ratio. */
export type OutcomeLog = { at: number[]; failed: boolean[]; head: number; errors: number };

export function createTraffic(scenario: RolloutScenario): TrafficState {
  return {
    requestMs: scenario.requestMs,
    ppm: {
      old: Math.round(scenario.oldVersion.errorRate * 1e6),
      new: Math.round(scenario.newVersion.errorRate * 1e6),
    },
    answered: { old: 0, new: 0 },
    queueAt: [],
    queueInstance: [],
    queueEpoch: [],
    head: 0,
    split: 0,
    requests: 0,
    served: 0,
    errors: 0,
    byCause: { "no-instance": 0, refused: 0, cut: 0, broken: 0 },
  };
}

export function arrivalTime(index: number, requestsPerSecond: number): number {
  return requestsPerSecond > 0 ? Math.floor((index * 1000) / requestsPerSecond) : Infinity;
}

/** Instances the router may send to: in rotation, whether or not they still accept. */
export function eligible(world: World, pool: Pool): Instance[] {
  if (pool.eligibleFor !== world.routing) {
    pool.eligible = pool.members.filter((member) => member.routable);
    pool.eligibleFor = world.routing;
  }
  return pool.eligible;
}

function pickPool(world: World): number {
  const second = world.pools[1];
  if (!second || second.weight === 0) return 0;
  if (second.weight === 100) return 1;
  // Bresenham-style split: exactly floor(k · w / 100) of the first k requests go to pool 1.
  const k = world.traffic.split++;
  return Math.floor(((k + 1) * second.weight) / 100) > Math.floor((k * second.weight) / 100) ? 1 : 0;
}

function record(world: World, poolIndex: number, at: number, failed: boolean, count = 1): void {
  const log = world.pools[poolIndex]?.log;
  if (!log) return;
  for (let i = 0; i < count; i++) {
    log.at.push(at);
    log.failed.push(failed);
  }
  if (failed) log.errors += count;
}

function fail(world: World, poolIndex: number, at: number, cause: ErrorCause, count = 1): void {
  const traffic = world.traffic;
  traffic.errors += count;
  traffic.byCause[cause] += count;
  record(world, poolIndex, at, true, count);
}

export function arrive(world: World, at: number): void {
  const traffic = world.traffic;
  traffic.requests++;
  const poolIndex = pickPool(world);
  const pool = world.pools[poolIndex]!;
  const targets = eligible(world, pool);
  if (targets.length === 0) return fail(world, poolIndex, at, "no-instance");
  const instance = targets[pool.rr++ % targets.length]!;
  if (!instance.accepting) return fail(world, poolIndex, at, "refused");
  instance.inFlight++;
  traffic.queueAt.push(at + traffic.requestMs);
  traffic.queueInstance.push(instance);
  traffic.queueEpoch.push(instance.epoch);
}

export function nextCompletionAt(world: World): number {
  const traffic = world.traffic;
  return traffic.head < traffic.queueAt.length ? traffic.queueAt[traffic.head]! : Infinity;
}

/**
 * Finishes every request due by `until`, setting world.now to each one's completion time.
 * Returns true if that let a draining instance exit.
 */
export function completeUpTo(world: World, until: number): boolean {
  const traffic = world.traffic;
  let exited = false;
  while (traffic.head < traffic.queueAt.length && traffic.queueAt[traffic.head]! <= until) {
    const at = traffic.queueAt[traffic.head]!;
    const instance = traffic.queueInstance[traffic.head]!;
    const epoch = traffic.queueEpoch[traffic.head]!;
    traffic.head++;
    if (epoch !== instance.epoch) continue; // already counted as cut
    world.now = at;
    instance.inFlight--;
    const role = instance.role;
    const n = ++traffic.answered[role];
    const ppm = traffic.ppm[role];
    if (Math.floor((n * ppm) / 1e6) > Math.floor(((n - 1) * ppm) / 1e6)) {
      fail(world, instance.pool, at, "broken");
    } else {
      traffic.served++;
      record(world, instance.pool, at, false);
    }
    if (instance.inFlight === 0 && instance.onIdle) {
      instance.onIdle();
      exited = true;
    }
  }
  if (traffic.head > 4096 && traffic.head * 2 > traffic.queueAt.length) compact(traffic);
  return exited;
}

function compact(traffic: TrafficState): void {
  traffic.queueAt.splice(0, traffic.head);
  traffic.queueInstance.splice(0, traffic.head);
  traffic.queueEpoch.splice(0, traffic.head);
  traffic.head = 0;
}

/** Counts the instance's in-flight requests as errors (it was killed or crashed). */
export function cutInFlight(world: World, instance: Instance): number {
  const lost = instance.inFlight;
  if (lost > 0) fail(world, instance.pool, world.now, "cut", lost);
  instance.inFlight = 0;
  instance.epoch++;
  return lost;
}

export function inFlight(world: World): number {
  const traffic = world.traffic;
  let count = 0;
  for (let i = traffic.head; i < traffic.queueAt.length; i++) {
    if (traffic.queueEpoch[i] === traffic.queueInstance[i]!.epoch) count++;
  }
  return count;
}

/** Requests and errors with an outcome in (from, now], dropping older entries. */
export function windowCounts(log: OutcomeLog, from: number): { requests: number; errors: number } {
  while (log.head < log.at.length && log.at[log.head]! <= from) {
    if (log.failed[log.head]) log.errors--;
    log.head++;
  }
  if (log.head > 4096 && log.head * 2 > log.at.length) {
    log.at.splice(0, log.head);
    log.failed.splice(0, log.head);
    log.head = 0;
  }
  return { requests: log.at.length - log.head, errors: log.errors };
}
