import type { Expr } from "./ast";
import { evaluateBinary } from "./binary";
import { extrapolatedRate, overTime } from "./functions";
import { bucketQuantile, type Bucket } from "./quantile";
import { instantPoint, rangePoints, type SeriesStore } from "./storage";
import { PromQLError, signature, withoutName, type Element, type Labels, type Value } from "./types";

/** Evaluates a parsed query at one instant (ms), as Prometheus' instant query does. */
export function evaluate(expr: Expr, store: SeriesStore, time: number): Value {
  switch (expr.kind) {
    case "number":
      return { type: "scalar", value: expr.value };
    case "vector": {
      const elements: Element[] = [];
      for (const series of store.select(expr.matchers)) {
        const point = instantPoint(series.points, time - expr.offsetMs);
        if (point) elements.push({ labels: series.labels, value: point.v });
      }
      return { type: "vector", elements };
    }
    case "matrix": {
      const at = time - expr.selector.offsetMs;
      return {
        type: "matrix",
        series: store
          .select(expr.selector.matchers)
          .map((series) => ({ labels: series.labels, points: rangePoints(series.points, at, expr.rangeMs) }))
          .filter((series) => series.points.length > 0),
      };
    }
    case "unary": {
      const value = evaluate(expr.expr, store, time);
      if (expr.op === "+") return value;
      if (value.type === "scalar") return { type: "scalar", value: -value.value };
      if (value.type === "vector")
        return { type: "vector", elements: value.elements.map((e) => ({ labels: withoutName(e.labels), value: -e.value })) };
      throw new PromQLError("cannot negate a range vector");
    }
    case "binary":
      return evaluateBinary(expr, evaluate(expr.lhs, store, time), evaluate(expr.rhs, store, time));
    case "aggregate":
      return aggregate(expr, vectorOf(evaluate(expr.expr, store, time), expr.op));
    case "call":
      return call(expr, store, time);
  }
}

function vectorOf(value: Value, where: string): Element[] {
  if (value.type !== "vector") throw new PromQLError(`${where} needs an instant vector, got a ${value.type === "scalar" ? "scalar" : "range vector"}`);
  return value.elements;
}

function call(expr: Extract<Expr, { kind: "call" }>, store: SeriesStore, time: number): Value {
  if (expr.fn === "histogram_quantile") {
    const q = evaluate(expr.args[0]!, store, time);
    if (q.type !== "scalar") throw new PromQLError("histogram_quantile's first argument must be a number such as 0.99");
    return histogramQuantile(q.value, vectorOf(evaluate(expr.args[1]!, store, time), "histogram_quantile"));
  }
  if (expr.fn === "abs") {
    const elements = vectorOf(evaluate(expr.args[0]!, store, time), "abs");
    return { type: "vector", elements: elements.map((e) => ({ labels: withoutName(e.labels), value: Math.abs(e.value) })) };
  }
  const arg = expr.args[0] as Extract<Expr, { kind: "matrix" }>;
  const matrix = evaluate(arg, store, time);
  if (matrix.type !== "matrix") throw new PromQLError(`${expr.fn}() needs a range vector`);
  const end = time - arg.selector.offsetMs;
  const elements: Element[] = [];
  for (const series of matrix.series) {
    let value: number | null;
    if (expr.fn === "rate" || expr.fn === "increase")
      value = extrapolatedRate(series.points, end - arg.rangeMs, end, arg.rangeMs, expr.fn === "rate");
    else value = overTime(expr.fn.replace("_over_time", "") as "avg" | "max" | "min" | "sum" | "count", series.points);
    if (value !== null) elements.push({ labels: withoutName(series.labels), value });
  }
  return { type: "vector", elements };
}

function groupLabels(labels: Labels, grouping: { without: boolean; labels: string[] }): Labels {
  if (grouping.without) {
    const out: Record<string, string> = { ...withoutName(labels) };
    for (const name of grouping.labels) delete out[name];
    return out;
  }
  return Object.fromEntries(grouping.labels.filter((name) => labels[name] !== undefined && labels[name] !== "").map((name) => [name, labels[name]!]));
}

function aggregate(expr: Extract<Expr, { kind: "aggregate" }>, elements: Element[]): Value {
  const groups = new Map<string, { labels: Labels; values: number[] }>();
  for (const element of elements) {
    const labels = groupLabels(element.labels, expr.grouping);
    const key = signature(labels);
    const group = groups.get(key) ?? { labels, values: [] };
    group.values.push(element.value);
    groups.set(key, group);
  }
  const out: Element[] = [];
  for (const { labels, values } of groups.values()) {
    const sum = values.reduce((total, v) => total + v, 0);
    const value = {
      sum,
      avg: sum / values.length,
      min: Math.min(...values),
      max: Math.max(...values),
      count: values.length,
    }[expr.op];
    out.push({ labels, value });
  }
  return { type: "vector", elements: out };
}

function histogramQuantile(q: number, elements: Element[]): Value {
  const groups = new Map<string, { labels: Labels; buckets: Bucket[] }>();
  for (const element of elements) {
    const le = element.labels.le;
    if (le === undefined) continue;
    const { le: _le, ...rest } = withoutName(element.labels);
    const key = signature(rest);
    const group = groups.get(key) ?? { labels: rest, buckets: [] };
    group.buckets.push({ upperBound: le === "+Inf" ? Infinity : Number(le), count: element.value });
    groups.set(key, group);
  }
  return {
    type: "vector",
    elements: [...groups.values()].map(({ labels, buckets }) => ({ labels, value: bucketQuantile(q, buckets) })),
  };
}
