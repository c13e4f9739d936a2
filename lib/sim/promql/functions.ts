import type { Point } from "./types";

/**
 * rate() and increase() exactly as Prometheus' extrapolatedRate (promql/functions.go), for float
 * counters without start timestamps: the increase between the first and last sample in the
 * window (adding back counter resets), extrapolated towards the window's edges: all the way if
 * the gap is within 110 % of the average sample spacing, else by half a spacing; never to below
 * zero at the start. null when the window holds fewer than two samples.
 */
export function extrapolatedRate(
  points: Point[],
  rangeStart: number,
  rangeEnd: number,
  rangeMs: number,
  isRate: boolean,
): number | null {
  if (points.length < 2) return null;
  const first = points[0]!;
  const last = points.at(-1)!;
  let result = last.v - first.v;
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.v < points[i - 1]!.v) result += points[i - 1]!.v;
  }
  let durationToStart = (first.t - rangeStart) / 1000;
  let durationToEnd = (rangeEnd - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  const averageBetween = sampledInterval / (points.length - 1);
  const threshold = averageBetween * 1.1;

  if (durationToStart >= threshold) durationToStart = averageBetween / 2;
  // A counter cannot go below zero: if the slope reaches zero sooner, start there.
  let durationToZero = durationToStart;
  if (result > 0 && first.v >= 0) durationToZero = sampledInterval * (first.v / result);
  if (durationToZero < durationToStart) durationToStart = durationToZero;
  if (durationToEnd >= threshold) durationToEnd = averageBetween / 2;

  let factor = sampledInterval === 0 ? 1 : (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
  if (isRate) factor /= rangeMs / 1000;
  return result * factor;
}

/** The *_over_time family: plain statistics over the window's samples. */
export function overTime(fn: "avg" | "max" | "min" | "sum" | "count", points: Point[]): number | null {
  if (points.length === 0) return null;
  const values = points.map((point) => point.v);
  switch (fn) {
    case "avg":
      return values.reduce((sum, v) => sum + v, 0) / values.length;
    case "max":
      return Math.max(...values);
    case "min":
      return Math.min(...values);
    case "sum":
      return values.reduce((sum, v) => sum + v, 0);
    case "count":
      return values.length;
  }
}
