import { describe, expect, it } from "vitest";
import { bucketQuantile, instantQuery, parseDuration, parsePromQL, type Value } from "./index";
import { counter, storeOf } from "./test-store";

const values = (value: Value) => {
  if (value.type !== "vector") throw new Error(`expected a vector, got ${value.type}`);
  return value.elements.map((e): Record<string, string | number> => ({ ...e.labels, value: Number(e.value.toFixed(9)) }));
};
const one = (value: Value) => {
  const [only, ...rest] = values(value);
  if (!only || rest.length) throw new Error(`expected one element, got ${rest.length + (only ? 1 : 0)}`);
  return only.value as number;
};

describe("parsing with the official grammar", () => {
  it("builds the subset's tree", () => {
    expect(parsePromQL('sum by (route) (rate(http_requests_total{code=~"5.."}[5m])) > bool 0.02')).toEqual({
      kind: "binary",
      op: ">",
      returnBool: true,
      matching: null,
      lhs: {
        kind: "aggregate",
        op: "sum",
        grouping: { without: false, labels: ["route"] },
        expr: {
          kind: "call",
          fn: "rate",
          args: [
            {
              kind: "matrix",
              rangeMs: 300_000,
              selector: {
                kind: "vector",
                offsetMs: 0,
                matchers: [
                  { name: "__name__", op: "=", value: "http_requests_total" },
                  { name: "code", op: "=~", value: "5.." },
                ],
              },
            },
          ],
        },
      },
      rhs: { kind: "number", value: 0.02 },
    });
  });

  it("names what is outside the subset and where a syntax error is", () => {
    expect(() => parsePromQL("rate(x[5m)")).toThrow(/syntax error at character 10/);
    expect(() => parsePromQL("max_over_time(x[5m:1m])")).toThrow(/subquery/);
    expect(() => parsePromQL("a / on(route) group_left b")).toThrow(/group_left/);
    expect(() => parsePromQL("topk(3, x)")).toThrow(/aggregation topk/);
    expect(() => parsePromQL("label_replace(x, 'a', 'b', 'c', 'd')")).toThrow(/function label_replace/);
    expect(() => parsePromQL("rate(x)")).toThrow(/range vector/);
    expect(() => parsePromQL('{job=""}')).toThrow(/metric name/);
  });

  it("reads durations the way Prometheus does", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("90")).toBe(90_000);
    expect(() => parseDuration("5m1h")).toThrow(/out of order/);
  });
});

describe("selectors", () => {
  it("an instant selector looks back at most 5 minutes, exclusive", () => {
    // Samples at 0 s and 60 s. At 359.999 s the 60 s sample is within (59.999, 359.999]; at 360 s
    // it sits exactly on the excluded edge t ≤ 360 − 300, so the series is gone.
    const store = storeOf([[{ __name__: "g" }, [[0, 1], [60, 2]]]]);
    expect(one(instantQuery("g", store, 359_999))).toBe(2);
    expect(values(instantQuery("g", store, 360_000))).toEqual([]);
    // offset 1m looks from 120 s: the 60 s sample.
    expect(one(instantQuery("g offset 1m", store, 180_000))).toBe(2);
  });

  it("matchers are anchored regexes; != and !~ exclude", () => {
    const store = storeOf([
      [{ __name__: "r", code: "500" }, [[0, 1]]],
      [{ __name__: "r", code: "503" }, [[0, 2]]],
      [{ __name__: "r", code: "200" }, [[0, 3]]],
    ]);
    expect(values(instantQuery('r{code=~"5.."}', store, 0)).map((e) => e.value)).toEqual([1, 2]);
    // "5" alone does not match "500": the regex is anchored.
    expect(values(instantQuery('r{code=~"5"}', store, 0))).toEqual([]);
    expect(values(instantQuery('r{code!~"5.*"}', store, 0)).map((e) => e.value)).toEqual([3]);
    expect(values(instantQuery('r{code!="200"}', store, 0)).map((e) => e.value)).toEqual([1, 2]);
  });
});

describe("rate and increase (extrapolatedRate)", () => {
  it("a steady counter of 1/s scraped every 15 s gives rate 1 and increase 300 over 5m", () => {
    // Window (300, 600]: 20 samples 315…600, values 315…600, increase 285 over 285 s.
    // Gap to the start 15 s < 1.1 × 15 s: extrapolate fully; to zero would be 315 s: no clamp.
    // factor (285 + 15 + 0) / 285 → 300; rate 300 / 300 s = 1.
    const store = storeOf([[{ __name__: "c_total", job: "a" }, counter(0, 600, 15, 1)]]);
    expect(one(instantQuery("rate(c_total[5m])", store, 600_000))).toBe(1);
    expect(one(instantQuery("increase(c_total[5m])", store, 600_000))).toBe(300);
    // The metric name is dropped, other labels kept.
    expect(values(instantQuery("rate(c_total[5m])", store, 600_000))).toEqual([{ job: "a", value: 1 }]);
  });

  it("a series that starts inside the window extrapolates half a spacing, never below zero", () => {
    // Samples at 240…300 s (every 15 s) with 10, 25, 40, 55, 70: increase 60 over 60 s.
    // Gap to the start 240 s ≥ 16.5 s → 7.5 s; to zero 60 × 10/60 = 10 s (longer, no clamp).
    // factor (60 + 7.5) / 60 = 1.125 → increase 67.5, rate 67.5 / 300 = 0.225.
    const late = storeOf([[{ __name__: "c_total" }, counter(240, 300, 15, 1, -230)]]);
    expect(one(instantQuery("increase(c_total[5m])", late, 300_000))).toBe(67.5);
    expect(one(instantQuery("rate(c_total[5m])", late, 300_000))).toBe(0.225);
    // Starting at 2 instead of 10: to zero is 60 × 2/60 = 2 s < 7.5 s → factor 62/60 → 62.
    const nearZero = storeOf([[{ __name__: "c_total" }, counter(240, 300, 15, 1, -238)]]);
    expect(one(instantQuery("increase(c_total[5m])", nearZero, 300_000))).toBe(62);
  });

  it("a counter reset adds the value before the drop back in", () => {
    // 100, 110, 5, 15 at 0, 15, 30, 45 s; increase[1m] at 45 s, window (−15, 45].
    // 15 − 100 + 110 = 25 over 45 s; gap to start 15 s < 16.5 → factor 60/45 → 33.333…
    const store = storeOf([[{ __name__: "c_total" }, [[0, 100], [15, 110], [30, 5], [45, 15]]]]);
    expect(one(instantQuery("increase(c_total[1m])", store, 45_000))).toBe(33.333333333);
  });

  it("one sample in the window gives no result", () => {
    const store = storeOf([[{ __name__: "c_total" }, [[0, 5], [400, 9]]]]);
    expect(values(instantQuery("rate(c_total[5m])", store, 400_000))).toEqual([]);
  });
});

describe("the *_over_time functions and abs", () => {
  it("take plain statistics over the window's samples", () => {
    // Gauge −2, 4, 7, 1 at 0, 15, 30, 45 s; [1m] at 45 s covers (−15, 45]: all four.
    const store = storeOf([[{ __name__: "g", job: "a" }, [[0, -2], [15, 4], [30, 7], [45, 1]]]]);
    const at45 = (q: string) => one(instantQuery(q, store, 45_000));
    expect(at45("avg_over_time(g[1m])")).toBe(2.5);
    expect(at45("max_over_time(g[1m])")).toBe(7);
    expect(at45("min_over_time(g[1m])")).toBe(-2);
    expect(at45("sum_over_time(g[1m])")).toBe(10);
    // [30s] covers (15, 45]: 30 s and 45 s only.
    expect(at45("count_over_time(g[30s])")).toBe(2);
    expect(one(instantQuery("abs(g)", store, 0))).toBe(2);
  });
});

describe("histogram_quantile", () => {
  it("interpolates linearly inside the bucket holding the rank", () => {
    // le 0.1: 50, 0.5: 90, +Inf: 100.
    const buckets = [
      { upperBound: 0.1, count: 50 },
      { upperBound: 0.5, count: 90 },
      { upperBound: Infinity, count: 100 },
    ];
    // q 0.5: rank 50, first bucket (count 50 ≥ 50): 0 + 0.1 × 50/50 = 0.1.
    expect(bucketQuantile(0.5, buckets)).toBe(0.1);
    // q 0.75: rank 75, second bucket: 0.1 + 0.4 × (75 − 50)/(90 − 50) = 0.35.
    expect(bucketQuantile(0.75, buckets)).toBeCloseTo(0.35, 12);
    // q 0.99: rank 99 falls in +Inf: the highest finite bound, 0.5.
    expect(bucketQuantile(0.99, buckets)).toBe(0.5);
    expect(bucketQuantile(1.5, buckets)).toBe(Infinity);
    expect(bucketQuantile(0.5, buckets.slice(0, 2))).toBeNaN();
    // A dip (90 then 80) is flattened to 90 first: q 0.85 → rank 85 in (0.1, 0.5]: 0.1 + 0.4 × 35/40 = 0.45.
    expect(bucketQuantile(0.85, [...buckets.slice(0, 2), { upperBound: 1, count: 80 }, buckets[2]!])).toBeCloseTo(0.45, 12);
  });

  it("groups buckets by their other labels, as in the p99-per-route query", () => {
    const bucket = (route: string, le: string, perSecond: number) =>
      [{ __name__: "lat_bucket", route, le }, counter(0, 300, 15, perSecond)] as [Record<string, string>, Array<[number, number]>];
    // /a: 10/s, 8 of them ≤ 0.1 s → rate per bucket 8, 10; p90: rank 9 → 0.1 + (∞ bucket) → 0.1.
    // /b: 4/s, 1 ≤ 0.1 s, 3 ≤ 0.5 s, 4 total; p50: rank 2 in (0.1, 0.5]: 0.1 + 0.4 × (2 − 1)/2 = 0.3.
    const store = storeOf([
      bucket("/a", "0.1", 8),
      bucket("/a", "+Inf", 10),
      bucket("/b", "0.1", 1),
      bucket("/b", "0.5", 3),
      bucket("/b", "+Inf", 4),
    ]);
    const p = (q: number) => values(instantQuery(`histogram_quantile(${q}, sum by (le, route) (rate(lat_bucket[5m])))`, store, 300_000));
    expect(p(0.5).find((e) => e.route === "/b")!.value).toBeCloseTo(0.3, 9);
    expect(p(0.9).find((e) => e.route === "/a")!.value).toBe(0.1);
  });
});

describe("aggregation and operators", () => {
  const store = storeOf([
    [{ __name__: "req", route: "/a", instance: "1" }, [[0, 2]]],
    [{ __name__: "req", route: "/a", instance: "2" }, [[0, 4]]],
    [{ __name__: "req", route: "/b", instance: "1" }, [[0, 9]]],
    [{ __name__: "err", route: "/a", instance: "1" }, [[0, 1]]],
    [{ __name__: "err", route: "/b", instance: "1" }, [[0, 3]]],
  ]);

  it("sum/avg/min/max/count by and without", () => {
    // /a: 2 + 4 = 6, avg 3; /b: 9.
    expect(values(instantQuery("sum by (route) (req)", store, 0))).toEqual([
      { route: "/a", value: 6 },
      { route: "/b", value: 9 },
    ]);
    expect(values(instantQuery("avg without (instance) (req)", store, 0))).toEqual([
      { route: "/a", value: 3 },
      { route: "/b", value: 9 },
    ]);
    expect(one(instantQuery("count(req)", store, 0))).toBe(3);
    expect(one(instantQuery("max(req) - min(req)", store, 0))).toBe(7);
  });

  it("comparisons filter, or give 0/1 with bool", () => {
    // req > 3 keeps 4 and 9 with their names; with bool every series answers, name dropped.
    expect(values(instantQuery("req > 3", store, 0)).map((e) => e.value)).toEqual([4, 9]);
    expect(values(instantQuery("req > 3", store, 0))[0]).toMatchObject({ __name__: "req" });
    expect(values(instantQuery("req > bool 3", store, 0)).map((e) => e.value)).toEqual([0, 1, 1]);
    expect(instantQuery("2 > bool 1", store, 0)).toEqual({ type: "scalar", value: 1 });
    expect(() => instantQuery("2 > 1", store, 0)).toThrow(/bool/);
  });

  it("vector matching: one-to-one on all labels, on(), ignoring(), and many-to-many refused", () => {
    // err / req matches (route, instance): /a,1: 1/2 = 0.5; /b,1: 3/9.
    expect(values(instantQuery("err / req", store, 0))).toEqual([
      { route: "/a", instance: "1", value: 0.5 },
      { route: "/b", instance: "1", value: 0.333333333 },
    ]);
    // Per route: sum(err) by route / sum(req) by route: /a 1/6, /b 3/9.
    expect(values(instantQuery("sum by (route) (err) / on(route) sum by (route) (req)", store, 0))).toEqual([
      { route: "/a", value: 0.166666667 },
      { route: "/b", value: 0.333333333 },
    ]);
    expect(() => instantQuery("err / ignoring(instance) req", store, 0)).toThrow(/many-to-many/);
    expect(values(instantQuery("req unless err", store, 0))).toEqual([{ __name__: "req", route: "/a", instance: "2", value: 4 }]);
  });
});
