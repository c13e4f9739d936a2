import { whenOf, type ChartModel, type ChartWindow } from "./chart-model";

export type PlacedLabel = { text: string; x: number; anchor: "start" | "end" } | null;

const CHAR_WIDTH = 6;

/**
 * Labels for fault windows along the top of a chart: a window that repeats (a slow spell every
 * minute) is named once, and a label that would run into the previous one is left out; the
 * shading still shows every window and the data table lists them all.
 */
export function placeWindowLabels(
  windows: readonly ChartWindow[],
  x: (ms: number) => number,
  right: number,
  axis: ChartModel["timeAxis"] = "seconds",
): PlacedLabel[] {
  const named = new Set<string>();
  let lastEnd = -Infinity;
  return windows.map((window) => {
    if (named.has(window.label)) return null;
    const text = `${window.label} ${whenOf({ atMs: window.fromMs, toMs: window.toMs }, axis)}`;
    const width = text.length * CHAR_WIDTH;
    const start = x(window.fromMs) + 3;
    const fits = start + width <= right;
    const from = fits ? start : Math.max(0, right - width);
    if (from < lastEnd) return null;
    named.add(window.label);
    lastEnd = from + width + 8;
    return fits ? { text, x: start, anchor: "start" } : { text, x: right, anchor: "end" };
  });
}
