import type { Instance } from "./instance";
import type { SwarmUpdateConfig } from "./schema";
import { newTask, stopTask, type Slot, type Swarm } from "./swarm-tasks";
import type { Role } from "./types";
import { conclude, emit, schedule, type Tick } from "./world";

/**
 * One run of swarmkit's updater: `parallelism` workers take dirty slots in order; each worker
 * updates a slot (stop-first: old task gone → new task starts; start-first: new task first, old
 * removed once the new one is RUNNING), waits until the new task is RUNNING or has failed, sleeps
 * `delay`, takes the next slot. After the last slot it watches one more `monitor` period, then the
 * update is complete. A task it created that fails before RUNNING, or within `monitor` of
 * RUNNING, is a failure; when failures / dirty slots exceeds max_failure_ratio, failure_action
 * applies (a rollback never rolls back: it pauses).
 */
export type Updater = {
  config: SwarmUpdateConfig;
  target: Role;
  rollback: boolean;
  state: "updating" | "paused" | "cancelled" | "done";
  queue: Slot[];
  slotCount: number;
  workers: number;
  /** Tasks this update created → when they became RUNNING (null: not yet). */
  tracked: Map<Instance, number | null>;
  failed: Set<Instance>;
  /** Workers waiting for their new task: called with true if it failed instead. */
  waiting: Map<Instance, (failed: boolean) => void>;
  timers: Set<number>;
};

export function beginUpdate(swarm: Swarm, config: SwarmUpdateConfig, target: Role, rollback: boolean): void {
  const queue = swarm.slots.filter(
    (slot) => slot.restart !== null || slot.tasks.length !== 1 || slot.tasks[0]!.role !== target,
  );
  const updater: Updater = {
    config,
    target,
    rollback,
    state: "updating",
    queue,
    slotCount: queue.length,
    workers: config.parallelism === 0 ? queue.length : Math.min(config.parallelism, queue.length),
    tracked: new Map(),
    failed: new Set(),
    waiting: new Map(),
    timers: new Set(),
  };
  swarm.updater = updater;
  if (queue.length === 0) return finish(swarm, updater);
  for (let worker = updater.workers; worker > 0; worker--) nextSlot(swarm, updater);
}

function later(swarm: Swarm, updater: Updater, delayMs: number, fn: Tick): void {
  const handle = schedule(swarm.world, swarm.world.now + delayMs, () => {
    updater.timers.delete(handle);
    fn();
  });
  updater.timers.add(handle);
}

function nextSlot(swarm: Swarm, updater: Updater): void {
  if (updater.state !== "updating") return;
  const slot = updater.queue.shift();
  if (!slot) {
    if (--updater.workers === 0) {
      later(swarm, updater, updater.config.monitorMs, () => {
        if (updater.state === "updating") finish(swarm, updater);
      });
    }
    return;
  }
  updateSlot(swarm, updater, slot, () => {
    if (updater.state !== "updating") return;
    if (updater.config.delayMs === 0) nextSlot(swarm, updater);
    else later(swarm, updater, updater.config.delayMs, () => nextSlot(swarm, updater));
  });
}

function updateSlot(swarm: Swarm, updater: Updater, slot: Slot, done: () => void): void {
  emit(swarm.world, { type: "slot-update-started", slot: slot.index, role: updater.target });
  if (slot.restart !== null) {
    swarm.world.clock.cancel(slot.restart);
    slot.restart = null;
  }
  // A task of the target version already in the slot: keep it, remove the rest (useExistingTask).
  const existing = slot.tasks.find((task) => task.role === updater.target);
  if (existing) {
    for (const task of [...slot.tasks]) if (task !== existing) stopTask(swarm, task);
    return done();
  }
  const launch = () => {
    const task = newTask(swarm, slot, updater.target);
    updater.tracked.set(task, null);
    updater.waiting.set(task, (failed) => {
      updater.waiting.delete(task);
      if (!failed && updater.config.order === "start-first") {
        for (const other of [...slot.tasks]) if (other !== task) stopTask(swarm, other);
      }
      done();
    });
  };
  if (updater.config.order === "start-first" || slot.tasks.length === 0) return launch();
  // stop-first: the new task starts only once every old task in the slot is gone.
  const old = [...slot.tasks];
  let remaining = old.length;
  for (const task of old) {
    swarm.goneWaiters.set(task, () => {
      if (--remaining === 0 && updater.state !== "cancelled") launch();
    });
    stopTask(swarm, task);
  }
}

export function countFailure(swarm: Swarm, updater: Updater, task: Instance): void {
  const world = swarm.world;
  const runningAt = updater.tracked.get(task);
  if (updater.state !== "updating" || runningAt === undefined || updater.failed.has(task)) return;
  if (runningAt !== null && world.now - runningAt > updater.config.monitorMs) return;
  updater.failed.add(task);
  const failures = updater.failed.size;
  emit(world, { type: "task-failure-counted", id: task.id, failures, slots: updater.slotCount });
  const { failureAction, maxFailureRatio } = updater.config;
  if (failureAction === "continue" || failures / updater.slotCount <= maxFailureRatio) return;
  const cause = `failure or early termination of task ${task.id}`;
  const pause = failureAction === "pause" || updater.rollback;
  stop(swarm, updater, pause ? "paused" : "cancelled");
  if (pause) {
    const what = updater.rollback ? "rollback" : "update";
    const outcome = updater.rollback ? "rollback-paused" : "paused";
    return conclude(world, outcome, { type: "update-paused", reason: `${what} paused due to ${cause}` });
  }
  // Rollback: the spec goes back to the old version and a new updater runs rollback_config.
  swarm.spec = "old";
  emit(world, { type: "rollback-started", reason: `update rolled back due to ${cause}` });
  beginUpdate(swarm, swarm.scenario.rollbackConfig, "old", true);
}

/** Paused: slots in progress finish, no new ones start. Cancelled: in-progress work is dropped. */
function stop(swarm: Swarm, updater: Updater, state: "paused" | "cancelled"): void {
  updater.state = state;
  for (const handle of updater.timers) swarm.world.clock.cancel(handle);
  updater.timers.clear();
  if (state === "cancelled") updater.waiting.clear();
}

function finish(swarm: Swarm, updater: Updater): void {
  updater.state = "done";
  if (updater.rollback) conclude(swarm.world, "rolled-back", { type: "rolled-back" });
  else conclude(swarm.world, "completed", { type: "rollout-completed" });
}
