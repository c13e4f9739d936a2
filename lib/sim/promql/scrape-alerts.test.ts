import { describe, expect, it } from "vitest";
import { alertStateSpans, instantQuery, rangeQuery, runAlertRule, sampleRuleValues, scrape, type Value } from "./index";
import { storeOf } from "./test-store";

const flat = (value: Value) => (value.type === "vector" ? value.elements.map((e) => ({ ...e.labels, value: e.value })) : value);

describe("the scrape simulator", () => {
  it("exposes counters, buckets, sum and a gauge computed from the workload", () => {
    // 10 requests/s, 2 % errors, latency 10–90 ms, scraped every 15 s. At 60 s: 600 requests,
    // 588 answered 200 and 12 answered 500. Buckets: ≤ 25 ms is (25 − 10)/80 = 18.75 % → 112.5
    // → 112; ≤ 50 ms half → 300; ≤ 100 ms all 600. Sum 600 × 0.05 s = 30 s. In flight 10 × 0.05.
    const { store } = scrape({ routes: [{ route: "/orders", requestsPerSecond: 10, errorRatio: 0.02 }], horizonMs: 60_000 });
    const at60 = (query: string) => flat(instantQuery(query, store, 60_000));
    expect(at60("http_requests_total")).toEqual([
      { __name__: "http_requests_total", job: "app", instance: "app-1:3000", route: "/orders", code: "200", value: 588 },
      { __name__: "http_requests_total", job: "app", instance: "app-1:3000", route: "/orders", code: "500", value: 12 },
    ]);
    const bucket = (le: string) => (at60(`http_request_duration_seconds_bucket{le="${le}"}`) as Array<{ value: number }>)[0]!.value;
    expect([bucket("0.025"), bucket("0.05"), bucket("0.1"), bucket("+Inf")]).toEqual([112, 300, 600, 600]);
    expect((at60("http_request_duration_seconds_sum") as Array<{ value: number }>)[0]!.value).toBeCloseTo(30, 9);
    expect((at60("http_requests_in_flight") as Array<{ value: number }>)[0]!.value).toBe(0.5);
    // The 500 series is created by the first error (at 5 s): first scraped at 15 s with 3.
    const errors = store.select([{ name: "code", op: "=", value: "500" }])[0]!;
    expect(errors.points[0]).toEqual({ t: 15_000, v: 3 });
  });

  it("a restart resets counters and rate() carries on; a failed scrape makes series stale", () => {
    // 10/s, restarted at 150 s: the counter drops from 1500 to 0, then counts again (1 per 0.1 s).
    // Down from 300 s to 330 s: up is 0 and http_requests_total is not there at 315 s.
    const { store } = scrape({
      routes: [{ route: "/", requestsPerSecond: 10 }],
      targets: [{ instance: "a:1", restartsAtMs: [150_000], down: [{ fromMs: 300_000, toMs: 330_000 }] }],
      horizonMs: 600_000,
    });
    // rate at 285 s, window (−15, 285]. The 200 series exists from its first request: 15…135 s
    // hold 150…1350; at 150 s (restart, count 0) it is absent, so stale; 165…285 s hold 150…1350.
    // 18 samples: 1350 − 150 + 1350 (the reset) = 2550 over 270 s, spacing 270/17 ≈ 15.88 s.
    // Gap to the start 30 s ≥ 1.1 × spacing → half a spacing (7.94 s); to zero 270 × 150/2550 =
    // 15.88 s is longer. rate = 2550 × (270 + 7.94)/270 / 300 = 8.75: less than the true 10/s,
    // because the quiet scrape at the restart hides 150 requests and extrapolation stops short.
    expect((flat(instantQuery("rate(http_requests_total[5m])", store, 285_000)) as Array<{ value: number }>)[0]!.value).toBeCloseTo(8.75, 9);
    expect(flat(instantQuery("up", store, 315_000))).toEqual([{ __name__: "up", job: "app", instance: "a:1", value: 0 }]);
    expect(flat(instantQuery("http_requests_total", store, 315_000))).toEqual([]);
    expect(flat(instantQuery("http_requests_total", store, 330_000))).toHaveLength(1);
  });
});

describe("alerting rules with for:", () => {
  // A gauge every 15 s: 0, then 0.02 from 120 s to 285 s, then 0 again; a 30 s blip at 480–495 s.
  const points: Array<[number, number]> = [];
  for (let s = 0; s <= 900; s += 15) points.push([s, (s >= 120 && s < 300) || (s >= 480 && s < 510) ? 0.02 : 0]);
  const store = storeOf([[{ __name__: "error_ratio", job: "app" }, points]]);

  it("pending on the first true evaluation, firing after for, resolved when false; a blip stays pending", () => {
    // Evaluated every 15 s with for: 1m: pending at 120, firing at 180 (120 + 60), inactive at 300.
    // The blip is true at 480 and 495 only: pending at 480, dropped at 510 (never 60 s old).
    const run = runAlertRule({ name: "Errors", expr: "error_ratio > 0.01", forMs: 60_000 }, store, {
      startMs: 0,
      endMs: 900_000,
      intervalMs: 15_000,
    });
    expect(run.transitions.map((t) => `${t.at / 1000} ${t.from}→${t.to}`)).toEqual([
      "120 inactive→pending",
      "180 pending→firing",
      "300 firing→inactive",
      "480 inactive→pending",
      "510 pending→inactive",
    ]);
    expect(run.transitions[1]!.labels).toEqual({ job: "app", alertname: "Errors" });
    // Firing at 180 … 285: 8 evaluations.
    expect(run).toMatchObject({ firstFiringAt: 180_000, firingEvaluations: 8, evaluations: 61 });
  });

  it("keep_firing_for holds a firing alert through a short gap", () => {
    // With keep_firing_for 1m the alert stays firing until 345 s (300 + 45 < 60 still holds at 345,
    // at 360 the gap is 60 s): resolved at 360.
    const run = runAlertRule({ name: "Errors", expr: "error_ratio > 0.01", forMs: 60_000, keepFiringForMs: 60_000 }, store, {
      startMs: 0,
      endMs: 400_000,
      intervalMs: 15_000,
    });
    expect(run.transitions.at(-1)).toMatchObject({ at: 360_000, from: "firing", to: "inactive" });
  });

  it("the monitoring lab's shape: 2 % errors fire within 5 minutes, a 30 s blip does not", () => {
    // 10/s. Sustained: 2 % from 10 min on. Blip: 100 % for 30 s at 10 min. Rule evaluated every 15 s.
    const run = (incident: { fromMs: number; toMs: number; errorRatio: number }, expr: string, forMs: number) =>
      runAlertRule({ name: "HighErrorRate", expr, forMs }, scrape({ routes: [{ route: "/", requestsPerSecond: 10 }], incidents: [incident], horizonMs: 1_800_000 }).store, {
        startMs: 0,
        endMs: 1_800_000,
        intervalMs: 15_000,
      });
    const sustained = { fromMs: 600_000, toMs: 1_800_000, errorRatio: 0.02 };
    const blip = { fromMs: 600_000, toMs: 630_000, errorRatio: 1 };
    const ratio = (window: string) =>
      `sum(rate(http_requests_total{code="500"}[${window}])) / sum(rate(http_requests_total[${window}])) > 0.01`;
    // A 1-minute window held for 2 minutes: fires 3–4 minutes in, the blip only reaches pending.
    const good = run(sustained, ratio("1m"), 120_000);
    expect(good.firstFiringAt! - 600_000).toBeGreaterThan(120_000);
    expect(good.firstFiringAt! - 600_000).toBeLessThanOrEqual(300_000);
    expect(run(blip, ratio("1m"), 120_000).firstFiringAt).toBeNull();
    // Without for: the blip pages someone; with a 5-minute window the blip looks like 10 % for
    // 5 minutes and fires even with for: 2m.
    expect(run(blip, ratio("1m"), 0).firstFiringAt).not.toBeNull();
    expect(run(blip, ratio("5m"), 120_000).firstFiringAt).not.toBeNull();
  });

  it("range queries give a series per label set for charts", () => {
    const result = rangeQuery("error_ratio * 100", store, 0, 150_000, 30_000);
    expect(result).toEqual({
      type: "matrix",
      series: [{ labels: { job: "app" }, points: [0, 30, 60, 90, 120, 150].map((s) => ({ t: s * 1000, v: s >= 120 ? 2 : 0 })) }],
    });
  });

  it("samples the compared value (below the threshold too) at the evaluation times, bounded", () => {
    const every15s = { startMs: 0, endMs: 900_000, intervalMs: 15_000 };
    // 61 evaluations; 11 samples at most → every 6th (90 s apart): 0, 90, …, 900 s. The gauge is
    // 0.02 at 180 and 270 s (inside 120–285 s) and 0 at the others; the blip (480, 495) falls between.
    const values = sampleRuleValues("error_ratio > 0.01", store, every15s, 11);
    expect(values.threshold).toEqual({ op: ">", value: 0.01 });
    expect(values.maxSeries).toBe(1);
    expect(values.samples.map((s) => `${s.at / 1000}:${s.value}`)).toEqual([
      "0:0", "90:0", "180:0.02", "270:0.02", "360:0", "450:0", "540:0", "630:0", "720:0", "810:0", "900:0",
    ]);
    // Unbounded: all 61, the blip's two evaluations included.
    const all = sampleRuleValues("error_ratio > 0.01", store, every15s);
    expect(all.samples).toHaveLength(61);
    expect(all.samples.filter((s) => s.value === 0.02).map((s) => s.at / 1000)).toEqual([
      120, 135, 150, 165, 180, 195, 210, 225, 240, 255, 270, 285, 480, 495,
    ]);
    // A number on the left is the mirror image; without a comparison the value is the expression's own.
    expect(sampleRuleValues("0.01 < error_ratio", store, every15s).threshold).toEqual({ op: ">", value: 0.01 });
    expect(sampleRuleValues("error_ratio > bool 0.01", store, every15s).threshold).toBeNull();
    const scaled = sampleRuleValues("error_ratio * 100", store, { startMs: 0, endMs: 180_000, intervalMs: 60_000 });
    expect(scaled).toEqual({
      threshold: null,
      maxSeries: 1,
      samples: [{ at: 0, value: 0 }, { at: 60_000, value: 0 }, { at: 120_000, value: 2 }, { at: 180_000, value: 2 }],
    });
    // No series at all: null, never 0.
    expect(sampleRuleValues("missing_metric > 1", store, { startMs: 0, endMs: 30_000, intervalMs: 15_000 }).samples).toEqual([
      { at: 0, value: null },
      { at: 15_000, value: null },
      { at: 30_000, value: null },
    ]);
  });

  it("the highest series is plotted for >, the lowest for <", () => {
    const two = storeOf([
      [{ __name__: "g", i: "a" }, [[0, 1], [15, 5]]],
      [{ __name__: "g", i: "b" }, [[0, 3], [15, 2]]],
    ]);
    const range = { startMs: 0, endMs: 15_000, intervalMs: 15_000 };
    expect(sampleRuleValues("g > 4", two, range).samples.map((s) => s.value)).toEqual([3, 5]);
    expect(sampleRuleValues("g < 4", two, range).samples.map((s) => s.value)).toEqual([1, 2]);
    expect(sampleRuleValues("g < 4", two, range).maxSeries).toBe(2);
    // 1/0 is +Inf and 0/0 NaN: neither is drawn (nor could JSON carry it).
    expect(sampleRuleValues("g / 0 > 1", two, range).samples.map((s) => s.value)).toEqual([null, null]);
    expect(sampleRuleValues("(g - g) / 0 > 1", two, range).samples.map((s) => s.value)).toEqual([null, null]);
  });

  it("state spans: the worst state of the rule's alerts, from one change to the next", () => {
    const run = runAlertRule({ name: "Errors", expr: "error_ratio > 0.01", forMs: 60_000 }, store, {
      startMs: 0,
      endMs: 900_000,
      intervalMs: 15_000,
    });
    expect(alertStateSpans(run.transitions, 0, 900_000).map((s) => `${s.from / 1000}-${s.to / 1000} ${s.state}`)).toEqual([
      "0-120 inactive",
      "120-180 pending",
      "180-300 firing",
      "300-480 inactive",
      "480-510 pending",
      "510-900 inactive",
    ]);
    // Two alerts: a is firing 0–60 s while b goes pending at 30 s and inactive at 90 s; the rule
    // reads firing until 60 s, then pending (b) until 90 s. A change at the start replaces inactive.
    const a = { alertname: "X", i: "a" };
    const b = { alertname: "X", i: "b" };
    const t = (at: number, labels: typeof a, from: string, to: string) =>
      ({ at: at * 1000, labels, from, to, value: null }) as Parameters<typeof alertStateSpans>[0][number];
    const spans = alertStateSpans(
      [t(0, a, "inactive", "firing"), t(30, b, "inactive", "pending"), t(60, a, "firing", "inactive"), t(90, b, "pending", "inactive")],
      0,
      120_000,
    );
    expect(spans.map((s) => `${s.from / 1000}-${s.to / 1000} ${s.state}`)).toEqual([
      "0-60 firing",
      "60-90 pending",
      "90-120 inactive",
    ]);
  });
});
