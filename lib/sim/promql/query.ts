import { evaluate } from "./eval";
import { parsePromQL } from "./parse";
import type { SeriesStore } from "./storage";
import { signature, type Labels, type Value } from "./types";

/** An instant query, as /api/v1/query. */
export function instantQuery(query: string, store: SeriesStore, time: number): Value {
  return evaluate(parsePromQL(query), store, time);
}

export type RangeResult =
  | { type: "matrix"; series: Array<{ labels: Labels; points: Array<{ t: number; v: number }> }> }
  | { type: "scalar"; points: Array<{ t: number; v: number }> };

/** A range query, as /api/v1/query_range: the instant query at start, start + step, …, end. */
export function rangeQuery(query: string, store: SeriesStore, start: number, end: number, step: number): RangeResult {
  const expr = parsePromQL(query);
  const bySeries = new Map<string, { labels: Labels; points: Array<{ t: number; v: number }> }>();
  const scalar: Array<{ t: number; v: number }> = [];
  for (let t = start; t <= end; t += step) {
    const value = evaluate(expr, store, t);
    if (value.type === "scalar") scalar.push({ t, v: value.value });
    else if (value.type === "vector")
      for (const element of value.elements) {
        const key = signature(element.labels);
        const series = bySeries.get(key) ?? { labels: element.labels, points: [] };
        series.points.push({ t, v: element.value });
        bySeries.set(key, series);
      }
    else throw new Error("a range query needs an instant vector or scalar expression");
  }
  return scalar.length > 0 ? { type: "scalar", points: scalar } : { type: "matrix", series: [...bySeries.values()] };
}
