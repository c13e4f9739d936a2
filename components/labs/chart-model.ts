import type { TimeWindow } from "@/lib/labs/result-types";

/**
 * The one shape every lab chart is drawn from. The health, shutdown and rollout adapters
 * (*-chart-data.ts) turn an engine's timeline into this; timeline-chart.tsx draws it and
 * timeline-legend.tsx explains it. Pure data: no React, so the adapters are unit-tested.
 */

/** What a colour means, everywhere: a passed probe and a completed request are both `ok`. */
export type Tone = "ok" | "bad" | "slow" | "starting" | "neutral" | "signal" | "old" | "new";

/** What a point marker means, everywhere. */
export type Glyph =
  | "start"
  | "restart"
  | "replace"
  | "exit"
  | "stop"
  | "in"
  | "out"
  | "arrive"
  | "done"
  | "drop"
  | "refuse"
  | "note";

/**
 * A horizontal lane: a state band, a row of spans and markers, the rollout's area plot, its
 * failure bars, or a measured value as a line against a threshold (the `line` plot).
 */
export type Lane = { id: string; label: string; kind: "band" | "marks" | "area" | "bars" | "line" };

/**
 * One thing drawn: a span (`toMs` set), a point marker (`glyph`), or a rule across every lane
 * (`lane` = RULE_LANE). `events` are the narration lines it stands for (indices into the track's
 * events), so the chart and the narration can point at each other.
 */
export type Mark = {
  id: string;
  lane: string;
  atMs: number;
  toMs?: number;
  tone: Tone;
  glyph?: Glyph;
  /** A rule drawn dashed: a deadline rather than something that happened. */
  dashed?: boolean;
  /** Said on hover/focus and in the data table. */
  label: string;
  events: number[];
};

export const RULE_LANE = "*";

/** A shaded stretch of time that explains the rest: a fault injected into a dependency. */
export type ChartWindow = TimeWindow;

/** The rollout's sampled replica counts. */
/** `pods`: every Pod or container that exists, starting and terminating ones included (what a surge adds). */
export type AreaPoint = { atMs: number; old: number; new: number; pods: number; failedPerSecond: number };
export type AreaPlot = {
  points: AreaPoint[];
  /** Capacity floor and surge ceiling, in replicas; null when the strategy has none. */
  floor: number | null;
  ceiling: number | null;
  maxReplicas: number;
  maxFailedPerSecond: number;
};

/**
 * A measured value sampled over time, drawn as a line in its lane, with the threshold it is
 * compared against as a dashed line (an alerting rule's expression and its `> 0.01`).
 */
export type LinePlot = {
  /** What the line is, for the legend ("Error ratio"). */
  name: string;
  /** null where there was no value: drawn as a gap. */
  points: Array<{ atMs: number; value: number | null }>;
  threshold: { value: number; label: string } | null;
};

export type DataTable = { caption: string; columns: string[]; rows: string[][] };

export type ChartModel = {
  /** Said by the chart's accessible name. */
  summary: string;
  endMs: number;
  lanes: Lane[];
  marks: Mark[];
  windows: ChartWindow[];
  area: AreaPlot | null;
  /** The `line` lane's plot; absent in charts without one. */
  line?: LinePlot;
  /** "clock": times read m:ss (a half-hour alerting run) instead of seconds. */
  timeAxis?: "seconds" | "clock";
  table: DataTable;
  /** Notes such as "12 more completed requests not drawn", shown under the chart. */
  notes: string[];
};

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms % 100 === 0 ? 1 : 3))} s`;
}

/** "12:30" (or "1:51:01" past an hour): time since the start of the run. */
export function clockTime(ms: number): string {
  const total = Math.round(ms / 1000);
  const pad = (value: number) => String(value).padStart(2, "0");
  if (total >= 3600)
    return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return `${Math.floor(total / 60)}:${pad(total % 60)}`;
}

/** "t=12.5 s" or "12.5–14.5 s" (or "10:30", "10:30–12:30" on a clock axis): a mark's time in words. */
export function whenOf(mark: Pick<Mark, "atMs" | "toMs">, axis: ChartModel["timeAxis"] = "seconds"): string {
  if (axis === "clock")
    return mark.toMs === undefined ? clockTime(mark.atMs) : `${clockTime(mark.atMs)}–${clockTime(mark.toMs)}`;
  return mark.toMs === undefined
    ? `t=${seconds(mark.atMs)}`
    : `${seconds(mark.atMs).replace(" s", "")}–${seconds(mark.toMs)}`;
}

/** The time axis' ticks: about six on 1-2-5 seconds (minutes, hours or days on a long run), or m:ss on a clock axis. */
export function axisTicks(chart: Pick<ChartModel, "endMs" | "timeAxis">): {
  step: number;
  label: (ms: number) => string;
} {
  if (chart.timeAxis === "clock") {
    const minutes = [1, 2, 5, 10, 15, 30, 60].find((m) => chart.endMs / (m * 60_000) <= 7) ?? 60;
    return { step: minutes * 60_000, label: clockTime };
  }
  const unit = AXIS_UNITS.find((candidate) => chart.endMs >= candidate.from);
  if (!unit) return { step: roundStep(chart.endMs), label: seconds };
  return {
    step: roundStep(chart.endMs / unit.ms) * unit.ms,
    label: (ms) => `${Number((ms / unit.ms).toFixed(2))} ${unit.suffix}`,
  };
}

/** The unit a seconds axis reads in when the run is long: minutes for a batch, days for a week of logs. */
const AXIS_UNITS = [
  { ms: 86_400_000, suffix: "d", from: 2 * 86_400_000 },
  { ms: 3_600_000, suffix: "h", from: 2 * 3_600_000 },
  { ms: 60_000, suffix: "min", from: 10 * 60_000 },
] as const;

/** About six ticks over `length`: 1, 2, 5 × 10ⁿ of its unit, at least 1. */
function roundStep(length: number): number {
  const rough = Math.max(1, length / 6);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
}
