import { runBlueGreen } from "./blue-green";
import { runCanary } from "./canary";
import { runKubernetes } from "./kubernetes";
import { run } from "./run";
import { parseScenario, type RolloutScenarioInput } from "./schema";
import { runSwarm } from "./swarm";
import type { RolloutResult } from "./types";
import { createWorld } from "./world";

/**
 * The rollout engine: a pure, deterministic function from a scenario to a timeline (typed events,
 * a sampled series and a summary). Virtual time only; the same input gives the same output in
 * the browser, in Node and in tests.
 */
export function simulateRollout(input: RolloutScenarioInput): RolloutResult {
  const scenario = parseScenario(input);
  switch (scenario.strategy) {
    case "swarm": {
      const world = createWorld(scenario);
      runSwarm(world, scenario);
      return run(world);
    }
    case "kubernetes": {
      const world = createWorld(scenario);
      runKubernetes(world, scenario);
      return run(world);
    }
    case "blue-green": {
      const world = createWorld(scenario, [100, 0]);
      runBlueGreen(world, scenario);
      return run(world);
    }
    case "canary": {
      const world = createWorld(scenario, [100, 0]);
      runCanary(world, scenario);
      return run(world);
    }
  }
}

export { resolveRollingUpdate } from "./int-or-percent";
export { formatMs, narrate, narrateAll } from "./narrate";
export {
  parseScenario,
  RolloutScenarioError,
  RolloutScenarioSchema,
  type RolloutScenario,
  type RolloutScenarioInput,
} from "./schema";
export type * from "./types";
