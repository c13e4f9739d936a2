import type { RolloutResult } from "@/lib/sim/rollout";
import type { RolloutCheck } from "../check-schema";
import { describeCheck, seconds } from "../check-labels";
import type { CheckResult } from "../result-types";

/** Judges one rollout check against the engine's summary. */
export function judgeRolloutCheck(check: RolloutCheck, result: RolloutResult): CheckResult {
  const { summary } = result;
  const label = describeCheck(check);
  switch (check.type) {
    case "errors": {
      const causes = Object.entries(summary.errorsByCause)
        .filter(([, count]) => count > 0)
        .map(([cause, count]) => `${count} ${cause}`);
      return {
        label,
        passed: summary.errors <= check.max,
        detail: `${summary.errors} of ${summary.requests} requests failed${causes.length ? ` (${causes.join(", ")})` : ""}.`,
      };
    }
    case "min-capacity": {
      const below = summary.capacityMs.filter((entry) => entry.capacity < check.atLeast);
      const lowMs = below.reduce((total, entry) => total + entry.ms, 0);
      return {
        label,
        passed: summary.minCapacity >= check.atLeast,
        detail: below.length
          ? `Capacity fell to ${summary.minCapacity}; below ${check.atLeast} for ${seconds(lowMs)} in all.`
          : `Capacity never fell below ${summary.minCapacity}.`,
      };
    }
    case "min-available":
      return {
        label,
        passed: summary.minAvailable >= check.atLeast,
        detail: `The fewest available Pods at any moment: ${summary.minAvailable}.`,
      };
    case "rollout-outcome":
      return {
        label,
        passed: summary.outcome === check.outcome,
        detail: `The rollout ended ${summary.outcome} after ${seconds(summary.durationMs)}.`,
      };
  }
}
