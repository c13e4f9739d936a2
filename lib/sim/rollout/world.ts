import { VirtualClock } from "../clock";
import type { Instance } from "./instance";
import type { RolloutScenario } from "./schema";
import { createTraffic, type OutcomeLog, type TrafficState } from "./traffic";
import type { EventBody, Outcome, RolloutEvent } from "./types";

/** Clock entries are plain callbacks: the clock orders them by (time, scheduling order). */
export type Tick = () => void;

/** What a strategy wants to hear about instance lifecycle changes. */
export type Hooks = {
  onRunning?: (instance: Instance) => void;
  onReady?: (instance: Instance) => void;
  onFailed?: (instance: Instance) => void;
  onGone?: (instance: Instance) => void;
};

/**
 * A routing target: a weighted group of instances (one pool for rolling updates; blue/green or
 * stable/canary otherwise). Requests pick a pool by weight, then an instance round-robin.
 */
export type Pool = {
  weight: number;
  members: Instance[];
  rr: number;
  eligible: Instance[];
  eligibleFor: number;
  log: OutcomeLog | null;
};

export type World = {
  scenario: RolloutScenario;
  clock: VirtualClock<Tick>;
  /** Current virtual time; every event is stamped with it. */
  now: number;
  events: RolloutEvent[];
  /** Instances not yet gone, in creation order. */
  live: Instance[];
  pools: Pool[];
  /** Bumped whenever who may receive traffic changes, so pools rebuild their eligible lists. */
  routing: number;
  hooks: Hooks;
  outcome: Outcome;
  outcomeAt: number | null;
  ids: Map<string, number>;
  traffic: TrafficState;
};

export function createWorld(scenario: RolloutScenario, weights: number[] = [100]): World {
  return {
    scenario,
    clock: new VirtualClock<Tick>(),
    now: 0,
    events: [],
    live: [],
    pools: weights.map((weight) => ({
      weight,
      members: [],
      rr: 0,
      eligible: [],
      eligibleFor: -1,
      log: null,
    })),
    routing: 0,
    hooks: {},
    outcome: "in-progress",
    outcomeAt: null,
    ids: new Map(),
    traffic: createTraffic(scenario),
  };
}

export function emit(world: World, body: EventBody): void {
  world.events.push({ at: world.now, ...body });
}

/** Schedules `fn` at absolute time `at`; returns the clock handle. */
export function schedule(world: World, at: number, fn: Tick): number {
  return world.clock.schedule(at, fn);
}

export function setWeights(world: World, weights: number[]): void {
  weights.forEach((weight, index) => {
    const pool = world.pools[index];
    if (pool) pool.weight = weight;
  });
  world.routing++;
}

/** Records the rollout's outcome (it may change later, e.g. a late completion after a deadline). */
export function conclude(world: World, outcome: Outcome, body: EventBody): void {
  world.outcome = outcome;
  world.outcomeAt = world.now;
  emit(world, body);
}
