import {
  createInstance,
  restartInPlace,
  seedServing,
  setRoutable,
  startInstance,
  stopInstance,
  type Instance,
} from "./instance";
import type { CanaryScenario } from "./schema";
import { windowCounts, type OutcomeLog } from "./traffic";
import { conclude, emit, schedule, setWeights, type World } from "./world";

/**
 * Canary: the stable pool (old) keeps serving; canary instances (new) start beside it. Once they
 * are all ready, each phase sends `weight`% of requests to the canary. Every checkEveryMs, and at
 * the end of each phase, the gate looks at the canary's requests with an outcome in the last
 * windowMs: no requests, or an error ratio above maxErrorRate, fails it → weight back to 0 and the
 * canary is stopped (automatic rollback). After the last phase passes, the canary takes all
 * traffic and the stable instances are retired.
 */
const STABLE = 0;
const CANARY = 1;

type Canary = {
  world: World;
  scenario: CanaryScenario;
  phase: number;
  phaseEnd: number;
  log: OutcomeLog;
  timers: number[];
};

export function runCanary(world: World, scenario: CanaryScenario): void {
  const log: OutcomeLog = { at: [], failed: [], head: 0, errors: 0 };
  world.pools[CANARY]!.log = log;
  const canary: Canary = { world, scenario, phase: -1, phaseEnd: 0, log, timers: [] };
  for (let i = 0; i < scenario.replicas; i++)
    seedServing(world, createInstance(world, "old", STABLE, "stable"));
  world.hooks = {
    onReady: (instance) => {
      setRoutable(world, instance, true);
      if (canary.phase === -1 && pool(world, CANARY).every((i) => i.phase === "ready")) startPhase(canary, 0);
    },
    onFailed: (instance) => restartInPlace(world, instance, scenario.restartDelayMs),
  };
  emit(world, { type: "rollout-started", strategy: "canary", replicas: scenario.replicas });
  for (let i = 0; i < scenario.canaryReplicas; i++) {
    startInstance(world, createInstance(world, "new", CANARY, "canary"));
  }
  later(canary, scenario.readyTimeoutMs, () => {
    if (canary.phase !== -1) return;
    retire(canary, CANARY);
    conclude(world, "aborted", { type: "rollout-aborted", reason: "canary not ready in time" });
  });
}

const pool = (world: World, index: number): Instance[] => world.live.filter((i) => i.pool === index);

function later(canary: Canary, delayMs: number, fn: () => void): void {
  canary.timers.push(schedule(canary.world, canary.world.now + delayMs, fn));
}

function clearTimers(canary: Canary): void {
  for (const handle of canary.timers) canary.world.clock.cancel(handle);
  canary.timers = [];
}

function startPhase(canary: Canary, phase: number): void {
  clearTimers(canary); // the ready timeout, or the previous phase's last check (already run)
  const step = canary.scenario.phases[phase]!;
  canary.phase = phase;
  canary.phaseEnd = canary.world.now + step.durationMs;
  setWeights(canary.world, [100 - step.weight, step.weight]);
  emit(canary.world, { type: "phase-changed", phase: phase + 1, weight: step.weight });
  nextCheck(canary);
}

function nextCheck(canary: Canary): void {
  const at = Math.min(canary.world.now + canary.scenario.gate.checkEveryMs, canary.phaseEnd);
  later(canary, at - canary.world.now, () => check(canary));
}

function check(canary: Canary): void {
  const { world, scenario } = canary;
  const { requests, errors } = windowCounts(canary.log, world.now - scenario.gate.windowMs);
  if (requests === 0 || errors / requests > scenario.gate.maxErrorRate) {
    emit(world, { type: "gate-failed", requests, errors });
    setWeights(world, [100, 0]);
    retire(canary, CANARY);
    return conclude(world, "rolled-back", { type: "rolled-back" });
  }
  if (world.now < canary.phaseEnd) return nextCheck(canary);
  if (canary.phase + 1 < scenario.phases.length) return startPhase(canary, canary.phase + 1);
  // Promote: all traffic to the new version, the stable instances leave.
  setWeights(world, [0, 100]);
  retire(canary, STABLE);
  conclude(world, "completed", { type: "rollout-completed" });
}

function retire(canary: Canary, index: number): void {
  clearTimers(canary);
  for (const instance of pool(canary.world, index)) {
    stopInstance(canary.world, instance, {
      unrouteAfterMs: 0,
      preStopMs: 0,
      graceMs: canary.scenario.stopGracePeriodMs,
    });
  }
}
