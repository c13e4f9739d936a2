import { createInstance, markGone, seedServing, setRoutable, type Instance } from "./instance";
import type { SwarmScenario } from "./schema";
import { newTask, type Slot, type Swarm } from "./swarm-tasks";
import { beginUpdate, countFailure } from "./swarm-updater";
import { emit, schedule, type World } from "./world";

/**
 * Docker Swarm rolling update (swarmkit manager/orchestrator/update/updater.go, defaults from
 * api/defaults/service.go). This file seeds the service and reacts to task lifecycle: the
 * RUNNING moment and the restart policy. swarm-updater.ts walks the slots.
 */
export function runSwarm(world: World, scenario: SwarmScenario): void {
  const swarm: Swarm = {
    world,
    scenario,
    spec: "new",
    slots: [],
    slotOf: new Map(),
    updater: null,
    goneWaiters: new Map(),
  };
  for (let index = 1; index <= scenario.replicas; index++) {
    const task = createInstance(world, "old", 0, "old");
    seedServing(world, task);
    const slot: Slot = { index, tasks: [task], restart: null };
    swarm.slots.push(slot);
    swarm.slotOf.set(task, slot);
  }
  world.hooks = {
    // With a HEALTHCHECK, Swarm counts a task as RUNNING only once it is healthy.
    onRunning: (task) => {
      if (!scenario.healthcheck) taskRunning(swarm, task);
    },
    onReady: (task) => {
      if (scenario.healthcheck) taskRunning(swarm, task);
    },
    onFailed: (task) => taskFailed(swarm, task),
    onGone: (task) => {
      const waiter = swarm.goneWaiters.get(task);
      swarm.goneWaiters.delete(task);
      waiter?.();
    },
  };
  emit(world, { type: "rollout-started", strategy: "swarm", replicas: scenario.replicas });
  beginUpdate(swarm, scenario.updateConfig, "new", false);
}

function taskRunning(swarm: Swarm, task: Instance): void {
  setRoutable(swarm.world, task, true);
  const updater = swarm.updater;
  if (!updater) return;
  if (updater.tracked.has(task) && updater.tracked.get(task) === null) {
    updater.tracked.set(task, swarm.world.now);
  }
  updater.waiting.get(task)?.(false);
}

/**
 * A failed task's container is gone (exit 1). The restart policy (condition any) puts a task of
 * the current spec in the slot after the restart delay, unless the slot still has another task.
 */
function taskFailed(swarm: Swarm, task: Instance): void {
  const world = swarm.world;
  markGone(world, task, 1);
  const slot = swarm.slotOf.get(task);
  if (slot) {
    slot.tasks = slot.tasks.filter((other) => other !== task);
    if (slot.tasks.length === 0 && slot.restart === null) {
      slot.restart = schedule(world, world.now + swarm.scenario.restartDelayMs, () => {
        slot.restart = null;
        if (slot.tasks.length === 0) newTask(swarm, slot, swarm.spec);
      });
    }
  }
  const updater = swarm.updater;
  if (!updater) return;
  countFailure(swarm, updater, task);
  updater.waiting.get(task)?.(true);
}
