import { createInstance, startInstance, stopInstance, type Instance } from "./instance";
import type { SwarmScenario } from "./schema";
import type { Updater } from "./swarm-updater";
import type { Role } from "./types";
import type { World } from "./world";

/**
 * Docker Swarm: a replicated service is a set of slots, each holding the task(s) that should run
 * there. This file holds that shape and starts and stops tasks for both
 * swarm.ts (set-up, restart policy) and swarm-updater.ts (the rolling update).
 */
export type Slot = { index: number; tasks: Instance[]; restart: number | null };

export type Swarm = {
  world: World;
  scenario: SwarmScenario;
  /** The service spec's version: new while updating, old once a rollback starts. */
  spec: Role;
  slots: Slot[];
  slotOf: Map<Instance, Slot>;
  updater: Updater | null;
  /** Callbacks waiting for a stopped task to be gone (stop-first). */
  goneWaiters: Map<Instance, () => void>;
};

export function newTask(swarm: Swarm, slot: Slot, role: Role): Instance {
  const task = createInstance(swarm.world, role, 0, role);
  slot.tasks.push(task);
  swarm.slotOf.set(task, slot);
  startInstance(swarm.world, task);
  return task;
}

/** Shuts a task down: out of the routing mesh at once, SIGTERM, drain, SIGKILL at the grace period. */
export function stopTask(swarm: Swarm, task: Instance): void {
  const slot = swarm.slotOf.get(task);
  if (slot) slot.tasks = slot.tasks.filter((other) => other !== task);
  stopInstance(swarm.world, task, {
    unrouteAfterMs: 0,
    preStopMs: 0,
    graceMs: swarm.scenario.stopGracePeriodMs,
  });
}
