import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission, starterSubmission } from "@/lib/labs/test-helpers";
import { queryCharts } from "./query-chart-data";

const lab = getLab("p99-latency-per-route")!;
const chartsFor = (submission: Parameters<typeof evaluateLab>[1]) => {
  const details = evaluateLab(lab, submission, null).text!;
  if (details.kind !== "query" || !details.overTime) throw new Error("no values over time");
  return queryCharts(details.by, details.overTime);
};

describe("the p99 lab's values over time, per route", () => {
  it("the solution lies on the reference: 247 ms for /orders, 495 ms for /search, 2475 ms in its slow stretch", () => {
    const { times, moments, charts } = chartsFor(solutionSubmission(lab));
    // 0 to 45:00 every minute: 46 times; nothing at 0:00 (rate() needs two scrapes).
    expect(times).toHaveLength(46);
    expect(times[1]).toBe(60_000);
    expect(moments.map((moment) => moment.label)).toEqual([
      "checked at 15:00",
      "/search slow from 25:00",
      "checked at 40:00",
    ]);
    expect(charts.map((chart) => chart.key)).toEqual(["/health", "/orders", "/search"]);
    const series = (key: string) => charts.find((chart) => chart.key === key)!.series;
    // By hand, from the buckets (DefBuckets) and an even spread of latencies:
    // /orders 20–180 ms: half ≤ 100 ms, all ≤ 250 ms → 100 + (0.99 − 0.5)/0.5 × 150 = 247 ms.
    // /search 50–450 ms: half ≤ 250 ms, all ≤ 500 ms → 250 + 0.98 × 250 = 495 ms; from 25:00
    // 200–2200 ms: 40 % ≤ 1 s, all ≤ 2.5 s → 1000 + (0.59/0.6) × 1500 = 2475 ms.
    // /health 1–4 ms: all in the lowest bucket (≤ 5 ms), from 0 → 0.99 × 5 = 4.95 ms.
    expect(series("/orders").map((s) => s.name)).toEqual(["yours", "expected (the reference query)"]);
    expect(series("/orders")[1]!.values[15]).toBe(247);
    expect(series("/health")[1]!.values[15]).toBe(4.95);
    expect(series("/search")[1]!.values[15]).toBeCloseTo(495, 1);
    expect(series("/search")[1]!.values[40]).toBe(2475);
    expect(series("/search")[1]!.values[0]).toBeNull();
    for (const chart of charts) expect(chart.series[0]!.values).toEqual(chart.series[1]!.values);
    expect(charts.every((chart) => chart.notes.length === 0)).toBe(true);
  });

  it("the starter: two lines per route, one per replica, and a note to aggregate", () => {
    const { charts } = chartsFor(starterSubmission(lab));
    const orders = charts.find((chart) => chart.key === "/orders")!;
    expect(orders.series.map((s) => s.name)).toEqual([
      'yours {instance="app-1:3000", job="app"}',
      'yours {instance="app-2:3000", job="app"}',
      "expected (the reference query)",
    ]);
    expect(orders.notes).toEqual(["Your query gives 2 values for /orders, one per series: aggregate them."]);
  });

  it("a query that gives a range vector has no chart (the checks say why)", () => {
    const details = evaluateLab(
      lab,
      { labSlug: lab.slug, text: "http_request_duration_seconds_bucket[5m]" },
      null,
    ).text!;
    expect(details.kind === "query" && details.overTime).toBeUndefined();
  });
});
