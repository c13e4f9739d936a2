/**
 * Lane timelines for the shutdown diagrams: each lane has spans (a phase with a start and an
 * end) and instants (a signal, an exit). The layout maps seconds to x once, for every lane.
 */
import { linearScale, type Tone } from "./geometry";

export type Span = { from: number; to: number; label: string; tone: Tone; dashed?: boolean };
export type Instant = { at: number; label: string; tone: Tone };
export type Lane = { label: string; spans: Span[]; instants: Instant[] };
export type LaneGroup = { title: string; lanes: Lane[] };
export type TimelineSpec = { until: number; tickEvery: number; groups: LaneGroup[] };

export type LaidSpan = Span & { x: number; w: number };
export type Anchor = "start" | "middle" | "end";
/** `row` 1 and up push a label under the one before it when the two would overlap. */
export type LaidInstant = Instant & { x: number; anchor: Anchor; row: number };
export type LaidLane = { label: string; y: number; spans: LaidSpan[]; instants: LaidInstant[] };
export type TimelineLayout = {
  width: number;
  height: number;
  axisY: number;
  ticks: Array<{ x: number; label: string }>;
  titles: Array<{ y: number; text: string }>;
  lanes: LaidLane[];
  barHeight: number;
};

export const TIMELINE = { left: 8, right: 12, title: 22, laneLabel: 16, bar: 22, below: 18, row: 13, axis: 28 } as const;

/** Rough width of an 11 px label: enough to keep labels apart, no font metrics needed. */
export const labelWidth = (text: string) => text.length * 6;

function placeInstants(instants: Array<Instant & { x: number }>, width: number): LaidInstant[] {
  const placed: Array<LaidInstant & { left: number; right: number }> = [];
  for (const instant of [...instants].sort((a, b) => a.x - b.x)) {
    const w = labelWidth(instant.label);
    const anchor: Anchor = instant.x - w / 2 < 0 ? "start" : instant.x + w / 2 > width ? "end" : "middle";
    const left = anchor === "start" ? instant.x : anchor === "end" ? instant.x - w : instant.x - w / 2;
    const right = left + w;
    let row = 0;
    while (placed.some((p) => p.row === row && p.right + 6 > left && p.left < right + 6)) row += 1;
    placed.push({ ...instant, anchor, row, left, right });
  }
  return placed.map(({ left: _left, right: _right, ...rest }) => rest);
}

export function layoutTimeline(spec: TimelineSpec, width = 360): TimelineLayout {
  const x = linearScale([0, spec.until], [TIMELINE.left, width - TIMELINE.right]);
  const titles: TimelineLayout["titles"] = [];
  const lanes: LaidLane[] = [];
  let y = 4;
  for (const group of spec.groups) {
    titles.push({ y: y + 14, text: group.title });
    y += TIMELINE.title;
    for (const lane of group.lanes) {
      const barY = y + TIMELINE.laneLabel;
      lanes.push({
        label: lane.label,
        y: barY,
        spans: lane.spans.map((s) => {
          const from = x(Math.max(0, s.from));
          return { ...s, x: from, w: Math.max(2, x(Math.min(spec.until, s.to)) - from) };
        }),
        instants: placeInstants(
          lane.instants.map((i) => ({ ...i, x: x(Math.min(spec.until, i.at)) })),
          width,
        ),
      });
      const rows = Math.max(0, ...lanes.at(-1)!.instants.map((i) => i.row));
      y = barY + TIMELINE.bar + TIMELINE.below + rows * TIMELINE.row;
    }
  }
  const ticks: TimelineLayout["ticks"] = [];
  for (let t = 0; t <= spec.until; t += spec.tickEvery) ticks.push({ x: x(t), label: `${t} s` });
  return { width, height: y + TIMELINE.axis, axisY: y + 4, ticks, titles, lanes, barHeight: TIMELINE.bar };
}

/** The timeline as sentences, in time order per lane: the diagram's text alternative. */
export function describeTimeline(spec: TimelineSpec): Array<{ title: string; lines: string[] }> {
  return spec.groups.map((group) => ({
    title: group.title,
    lines: group.lanes.map((lane) => {
      const parts = [
        ...lane.spans.map((s) => ({ at: s.from, text: `${s.from}–${s.to} s: ${s.label}` })),
        ...lane.instants.map((i) => ({ at: i.at, text: `at ${i.at} s: ${i.label}` })),
      ].sort((a, b) => a.at - b.at);
      return `${lane.label}: ${parts.map((p) => p.text).join("; ")}`;
    }),
  }));
}
