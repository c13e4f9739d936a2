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

/** A horizontal lane: a state band, a row of spans and markers, or the rollout's area plot. */
export type Lane = { id: string; label: string; kind: "band" | "marks" | "area" | "bars" };

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

export type DataTable = { caption: string; columns: string[]; rows: string[][] };

export type ChartModel = {
  /** Said by the chart's accessible name. */
  summary: string;
  endMs: number;
  lanes: Lane[];
  marks: Mark[];
  windows: ChartWindow[];
  area: AreaPlot | null;
  table: DataTable;
  /** Notes such as "12 more completed requests not drawn", shown under the chart. */
  notes: string[];
};

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms % 100 === 0 ? 1 : 3))} s`;
}

/** "t=12.5 s" or "12.5–14.5 s": how a mark's time reads in words. */
export function whenOf(mark: Pick<Mark, "atMs" | "toMs">): string {
  return mark.toMs === undefined
    ? `t=${seconds(mark.atMs)}`
    : `${seconds(mark.atMs).replace(" s", "")}–${seconds(mark.toMs)}`;
}
