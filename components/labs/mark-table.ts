import { RULE_LANE, seconds, type ChartWindow, type DataTable, type Lane, type Mark } from "./chart-model";

/** Every mark as a row (from, until, lane, what), in time order: the chart's data for screen readers. */
export function markTable(
  caption: string,
  lanes: readonly Lane[],
  marks: readonly Mark[],
  windows: readonly ChartWindow[],
): DataTable {
  const laneName = new Map(lanes.map((lane) => [lane.id, lane.label]));
  const rows = [
    ...windows.map((window) => ({
      atMs: window.fromMs,
      cells: [seconds(window.fromMs), seconds(window.toMs), "Fault", window.label],
    })),
    ...marks.map((mark) => ({
      atMs: mark.atMs,
      cells: [
        seconds(mark.atMs),
        mark.toMs === undefined ? "" : seconds(mark.toMs),
        mark.lane === RULE_LANE ? "Whole chart" : (laneName.get(mark.lane) ?? mark.lane),
        mark.label,
      ],
    })),
  ];
  rows.sort((a, b) => a.atMs - b.atMs);
  return { caption, columns: ["From", "Until", "Lane", "What"], rows: rows.map((row) => row.cells) };
}
