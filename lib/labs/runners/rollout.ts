import { RolloutScenarioError, simulateRollout, type RolloutResult } from "@/lib/sim/rollout";
import type { ParamValues } from "../params-schema";
import type { LabOfKind } from "../schema";

export type RolloutOutcome =
  { result: RolloutResult; settingsError: null } | { result: null; settingsError: string };

/**
 * The lab's Deployment with the learner's maxSurge, maxUnavailable (Pods), preStop sleep and
 * minReadySeconds. Settings Kubernetes itself would reject (maxSurge and maxUnavailable both 0)
 * come back as a message, not an exception.
 */
export function runRollout(
  lab: LabOfKind<"rollout-config">,
  params: ParamValues<"rollout-config">,
): RolloutOutcome {
  try {
    const result = simulateRollout({
      ...lab.scenario,
      maxSurge: params.maxSurge,
      maxUnavailable: params.maxUnavailable,
      preStopMs: params.preStop * 1000,
      minReadyMs: params.minReady * 1000,
    });
    return { result, settingsError: null };
  } catch (error) {
    if (error instanceof RolloutScenarioError)
      return { result: null, settingsError: error.issues.join("; ") };
    throw error;
  }
}
