import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/sim/rollout/schema";
import { getLab } from "./catalog";
import { capacityBounds, healthChartContext, MAX_WINDOWS } from "./chart-context";

describe("chart context", () => {
  it("turns a health lab's faults into labelled windows", () => {
    const lab = getLab("keep-liveness-shallow");
    if (lab?.kind !== "health-code") throw new Error("lab missing");
    const context = healthChartContext(lab).get("app")!;
    expect(context.windows).toEqual([{ fromMs: 60_000, toMs: 360_000, label: "database down" }]);
  });

  it("shades a flags run's slow spells and its hang, bounded", () => {
    const lab = getLab("pick-healthcheck-flags");
    if (lab?.kind !== "healthcheck-flags") throw new Error("lab missing");
    const context = healthChartContext(lab);
    for (const run of lab.scenario.runs) {
      const windows = context.get(run.id)!.windows;
      expect(windows.length).toBeLessThanOrEqual(MAX_WINDOWS + 1);
      if (run.app.hangsFromMs !== null) expect(windows.at(-1)!.fromMs).toBe(run.app.hangsFromMs);
      if (run.app.slowSpells) expect(windows[0]!.fromMs).toBe(run.app.slowSpells.firstAtMs);
    }
  });

  it("knows each strategy's capacity floor and surge ceiling", () => {
    expect(capacityBounds(parseScenario({ strategy: "kubernetes", replicas: 6 }))).toEqual({
      floor: 5,
      ceiling: 8,
    });
    expect(
      capacityBounds(
        parseScenario({ strategy: "kubernetes", replicas: 10, maxSurge: 0, maxUnavailable: "30%" }),
      ),
    ).toEqual({ floor: 7, ceiling: 10 });
    expect(capacityBounds(parseScenario({ strategy: "swarm", replicas: 4 }))).toEqual({
      floor: 3,
      ceiling: 4,
    });
    expect(
      capacityBounds(
        parseScenario({
          strategy: "swarm",
          replicas: 4,
          updateConfig: { parallelism: 2, order: "start-first" },
        }),
      ),
    ).toEqual({ floor: 4, ceiling: 6 });
    expect(capacityBounds(parseScenario({ strategy: "blue-green", replicas: 3 }))).toEqual({
      floor: 3,
      ceiling: 6,
    });
    expect(capacityBounds(parseScenario({ strategy: "canary", replicas: 3, canaryReplicas: 2 }))).toEqual({
      floor: 3,
      ceiling: 5,
    });
  });
});
