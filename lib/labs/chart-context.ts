import { resolveRollingUpdate } from "@/lib/sim/rollout/int-or-percent";
import type { RolloutScenario } from "@/lib/sim/rollout";
import type { CapacityBounds, TimeWindow } from "./result-types";
import type { LabOfKind } from "./schema";

/**
 * What a chart needs from the scenario that the engine's events do not say: when faults were
 * injected, and what capacity a rollout strategy promises. Pure; results carry it to the browser.
 */
export type HealthChartContext = { windows: TimeWindow[]; durationMs: number };

const MODE_WORDS = { down: "down", slow: "slow", hang: "hangs" } as const;
const NAMES = { db: "database", cache: "cache", disk: "disk" } as const;
/** A recurring slow spell over a day-long run would be hundreds of windows: the first few teach it. */
export const MAX_WINDOWS = 12;

export function healthChartContext(
  lab: LabOfKind<"health-code" | "healthcheck-flags">,
): Map<string, HealthChartContext> {
  if (lab.kind === "health-code") {
    const { durationMs, faults } = lab.scenario;
    const windows = faults.map((fault) => {
      const toMs = Math.min(fault.toMs ?? durationMs, durationMs);
      const latency = fault.mode === "slow" && fault.latencyMs ? ` (${fault.latencyMs} ms a call)` : "";
      return {
        fromMs: fault.fromMs,
        toMs,
        label: `${NAMES[fault.dependency]} ${MODE_WORDS[fault.mode]}${latency}`,
      };
    });
    return new Map([["app", { windows, durationMs }]]);
  }
  return new Map(
    lab.scenario.runs.map((run) => {
      const windows: TimeWindow[] = [];
      const spell = run.app.slowSpells;
      if (spell)
        for (
          let at = spell.firstAtMs;
          at < run.durationMs && windows.length < MAX_WINDOWS;
          at += spell.everyMs
        )
          windows.push({
            fromMs: at,
            toMs: Math.min(at + spell.lastsMs, run.durationMs),
            label: `slow spell: answers take ${spell.extraMs} ms longer`,
          });
      if (run.app.hangsFromMs !== null && run.app.hangsFromMs < run.durationMs)
        windows.push({
          fromMs: run.app.hangsFromMs,
          toMs: run.durationMs,
          label: "the app hangs: no answer",
        });
      return [run.id, { windows, durationMs: run.durationMs }];
    }),
  );
}

/**
 * The least and most replicas a strategy allows while it works: Kubernetes' replicas −
 * maxUnavailable and replicas + maxSurge; Swarm's parallelism taken away first (stop-first) or
 * added first (start-first); blue-green runs both colours; a canary adds its replicas.
 */
export function capacityBounds(scenario: RolloutScenario): CapacityBounds {
  const { replicas } = scenario;
  switch (scenario.strategy) {
    case "kubernetes": {
      const { surge, unavailable } = resolveRollingUpdate(
        replicas,
        scenario.maxSurge,
        scenario.maxUnavailable,
      );
      return { floor: replicas - unavailable, ceiling: replicas + surge };
    }
    case "swarm": {
      const { parallelism, order } = scenario.updateConfig;
      const step = parallelism === 0 ? replicas : Math.min(parallelism, replicas);
      return order === "start-first"
        ? { floor: replicas, ceiling: replicas + step }
        : { floor: replicas - step, ceiling: replicas };
    }
    case "blue-green":
      return { floor: replicas, ceiling: 2 * replicas };
    case "canary":
      return { floor: replicas, ceiling: replicas + scenario.canaryReplicas };
  }
}
