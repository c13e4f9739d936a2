import type { Matcher } from "./ast";
import type { Labels, Point, Series } from "./types";

/** Prometheus' default lookback delta (promql/engine.go defaultLookbackDelta). */
export const LOOKBACK_MS = 5 * 60_000;

const regexCache = new Map<string, RegExp>();

/** Regex matchers are fully anchored, as in Prometheus. */
function regex(source: string): RegExp {
  let compiled = regexCache.get(source);
  if (!compiled) {
    compiled = new RegExp(`^(?:${source})$`);
    regexCache.set(source, compiled);
  }
  return compiled;
}

export function matches(labels: Labels, matchers: Matcher[]): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? "";
    switch (op) {
      case "=":
        return actual === value;
      case "!=":
        return actual !== value;
      case "=~":
        return regex(value).test(actual);
      case "!~":
        return !regex(value).test(actual);
    }
  });
}

/** Index of the last point with t ≤ time, or −1. */
export function lastAtOrBefore(points: Point[], time: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (points[mid]!.t <= time) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * The sample an instant selector sees at `time`: the latest at or before it, if newer than the
 * lookback window (t > time − 5 m) and not a staleness marker (promql/engine.go vectorSelectorSingle).
 */
export function instantPoint(points: Point[], time: number, lookbackMs = LOOKBACK_MS): Point | null {
  const index = lastAtOrBefore(points, time);
  if (index < 0) return null;
  const point = points[index]!;
  if (point.t <= time - lookbackMs || point.stale) return null;
  return point;
}

/** Points of a range selector: t in (time − range, time], markers dropped (left-open, Prometheus 3). */
export function rangePoints(points: Point[], time: number, rangeMs: number): Point[] {
  const end = lastAtOrBefore(points, time);
  const start = lastAtOrBefore(points, time - rangeMs) + 1;
  const out: Point[] = [];
  for (let i = start; i <= end; i++) if (!points[i]!.stale) out.push(points[i]!);
  return out;
}

/** The scraped database: series by metric name, each with points in time order. */
export class SeriesStore {
  private byName = new Map<string, Series[]>();
  private all: Series[] = [];

  add(series: Series): void {
    const name = series.labels.__name__ ?? "";
    const list = this.byName.get(name) ?? [];
    list.push(series);
    this.byName.set(name, list);
    this.all.push(series);
  }

  select(matchers: Matcher[]): Series[] {
    const named = matchers.find((m) => m.name === "__name__" && m.op === "=");
    const pool = named ? (this.byName.get(named.value) ?? []) : this.all;
    return pool.filter((series) => matches(series.labels, matchers));
  }

  get series(): readonly Series[] {
    return this.all;
  }
}
