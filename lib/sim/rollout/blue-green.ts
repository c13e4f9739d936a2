import { createInstance, restartInPlace, seedServing, setRoutable, startInstance } from "./instance";
import type { BlueGreenScenario } from "./schema";
import { conclude, emit, schedule, setWeights, type World } from "./world";

/**
 * Blue-green: blue (old) serves while a full green (new) environment starts beside it. At
 * switchAtMs the router moves all traffic at once (pool weights 100/0 → 0/100), after an optional
 * smoke test: every green instance ready and `requests` test requests answered without error.
 * Blue keeps running, so rollbackAtMs is the same instant switch back.
 */
const BLUE = 0;
const GREEN = 1;

export function runBlueGreen(world: World, scenario: BlueGreenScenario): void {
  for (let i = 0; i < scenario.replicas; i++) seedServing(world, createInstance(world, "old", BLUE, "blue"));
  world.hooks = {
    onReady: (instance) => setRoutable(world, instance, true),
    onFailed: (instance) => restartInPlace(world, instance, scenario.restartDelayMs),
  };
  emit(world, { type: "rollout-started", strategy: "blue-green", replicas: scenario.replicas });
  for (let i = 0; i < scenario.replicas; i++)
    startInstance(world, createInstance(world, "new", GREEN, "green"));
  schedule(world, scenario.switchAtMs, () => cutOver(world, scenario));
}

function cutOver(world: World, scenario: BlueGreenScenario): void {
  if (scenario.smokeTest) {
    const { requests } = scenario.smokeTest;
    const notReady = world.live.filter((i) => i.pool === GREEN && i.phase !== "ready").length;
    // Same deterministic error pattern as live traffic: floor(n · errorRate) of n requests fail.
    const ppm = Math.round(scenario.newVersion.errorRate * 1e6);
    const errors = Math.floor((requests * ppm) / 1e6);
    const passed = notReady === 0 && errors === 0;
    emit(world, { type: "smoke-test", passed, requests, errors, notReady });
    if (!passed) {
      const reason = notReady > 0 ? `${notReady} green instances not ready` : "smoke test failed";
      return conclude(world, "aborted", { type: "rollout-aborted", reason: `${reason}; blue keeps serving` });
    }
  }
  setWeights(world, [0, 100]);
  emit(world, { type: "traffic-switched", to: "green" });
  conclude(world, "completed", { type: "rollout-completed" });
  if (scenario.rollbackAtMs !== null) {
    schedule(world, scenario.rollbackAtMs, () => {
      setWeights(world, [100, 0]);
      emit(world, { type: "traffic-switched", to: "blue" });
      conclude(world, "rolled-back", { type: "rolled-back" });
    });
  }
}
