import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission, starterSubmission } from "@/lib/labs/test-helpers";
import type { Sample } from "@/lib/sim/rollout/types";
import { areaPoints } from "./rollout-chart-data";
import { tracksOf } from "./timeline-data";

function chartOf(which: "solution" | "starter") {
  const lab = getLab("zero-failure-rollout")!;
  const submission = which === "solution" ? solutionSubmission(lab) : starterSubmission(lab);
  return tracksOf(evaluateLab(lab, submission, null).timeline!)[0]!.chart;
}

describe("rollout chart", () => {
  it("stacks old and new ready replicas within the floor and ceiling, with no failures for the solution", () => {
    const chart = chartOf("solution");
    expect(chart.area!.floor).toBe(6);
    expect(chart.area!.ceiling).toBe(7);
    const points = chart.area!.points;
    expect(points[0]!.old).toBe(6);
    expect(points.at(-1)!.new).toBe(6);
    expect(points.at(-1)!.old).toBe(0);
    expect(points.every((point) => point.old + point.new >= 6)).toBe(true);
    expect(chart.area!.maxFailedPerSecond).toBe(0);
    // The surge: a seventh Pod exists (starting) while six serve; a terminating old Pod, which the
    // ceiling does not count, can make it eight for a moment.
    expect(points.some((point) => point.pods === 7 && point.old + point.new === 6)).toBe(true);
    expect(Math.max(...points.map((point) => point.pods))).toBeGreaterThanOrEqual(7);
    expect(chart.marks.some((mark) => mark.label === "rollout completed")).toBe(true);
    // The table keeps one row per change, not one per sample.
    expect(chart.table.rows.length).toBeLessThan(points.length);
    expect(chart.table.columns).toEqual([
      "Time",
      "Old ready",
      "New ready",
      "Total ready",
      "All Pods",
      "Failed requests/s",
    ]);
  });

  it("shows the defaults' lower floor and the failed requests they cause", () => {
    const chart = chartOf("starter");
    expect([chart.area!.floor, chart.area!.ceiling]).toEqual([5, 8]);
    expect(chart.area!.maxFailedPerSecond).toBeGreaterThan(0);
  });

  it("turns errors per sample into errors per second", () => {
    const sample = (t: number, errors: number): Sample => ({
      t,
      readyOld: 1,
      readyNew: 0,
      capacity: 1,
      available: 1,
      instances: 1,
      served: 0,
      errors,
    });
    expect(areaPoints([sample(500, 2), sample(1_000, 4)]).map((point) => point.failedPerSecond)).toEqual([
      4, 8,
    ]);
  });
});
