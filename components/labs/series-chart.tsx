import { Fragment, useId } from "react";
import { tickStepMs } from "./timeline-data";

/** One line on the chart; `null` where there is no value (the container is down, nothing completed). */
export type ChartSeries = { name: string; values: ReadonlyArray<number | null> };
/** A horizontal line the learner must stay below (a limit, a budget, a target). */
export type ChartLimit = { label: string; value: number };
/** A moment marked across the chart: a vertical rule with its label (a backup taken). */
export type ChartMoment = { label: string; atMs: number };

type Props = {
  title: string;
  /** Virtual time of each point, ms. */
  times: readonly number[];
  series: readonly ChartSeries[];
  limits?: readonly ChartLimit[];
  unit: string;
  formatTime: (ms: number) => string;
  /** Rows in the data table for screen readers and anyone who wants the numbers. */
  tableRows?: number;
  /** Spacing of the time axis' ticks, when 1-2-5 × 10ⁿ seconds reads badly (minutes, days). */
  tickMs?: number;
  moments?: readonly ChartMoment[];
};

const WIDTH = 800;
const HEIGHT = 220;
const LEFT = 56;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 30;
// Colour and dash both tell the lines apart, so they survive grey scale and colour blindness.
const STYLES = [
  { colour: "var(--accent)", dash: undefined },
  { colour: "var(--warning)", dash: "6 4" },
  { colour: "var(--fg)", dash: "2 3" },
  { colour: "var(--fg-muted)", dash: "10 3 2 3" },
] as const;

const LIMIT_STYLE = { colour: "var(--danger)", dash: "8 4" } as const;
// The timeline's "signal or deadline" rule (visual-language.ts): a moment, not a measurement.
const MOMENT_STYLE = { colour: "var(--fg)", dash: "5 4" } as const;

/** A legend entry: a short stretch of the line as drawn, then its name. */
function LegendItem({ name, colour, dash }: { name: string; colour: string; dash: string | undefined }) {
  return (
    <li className="flex items-center gap-1.5">
      <svg width="22" height="8" viewBox="0 0 22 8" aria-hidden="true" focusable="false">
        <line x1={0} x2={22} y1={4} y2={4} stroke={colour} strokeWidth={2} strokeDasharray={dash} />
      </svg>
      <span>{name}</span>
    </li>
  );
}

const round = (value: number) => Number(value.toFixed(1));

/** 1, 2 or 5 × 10ⁿ: axis steps people read at a glance. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-9)));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? rough;
}

/** Evenly spaced indexes, at most `count`, always including the last point. */
function lastWithData(series: ReadonlyArray<{ values: ReadonlyArray<number | null> }>): number {
  return Math.max(0, ...series.map((each) => each.values.findLastIndex((value) => value !== null)));
}

function rowsOf(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  const step = (length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => Math.round(index * step));
}

/** A small line chart in the timeline's visual language, with its numbers in a table below. */
export function SeriesChart({
  title,
  times: allTimes,
  series: allSeries,
  limits = [],
  unit,
  formatTime,
  tableRows = 24,
  tickMs,
  moments = [],
}: Props) {
  const titleId = useId();
  // The chart ends where the data does: a batch that exits at 20 min of a 60 min run is not followed
  // by 40 min of empty axis.
  const kept = lastWithData(allSeries) + 1;
  const times = allTimes.slice(0, kept);
  const series = allSeries.map((each) => ({ ...each, values: each.values.slice(0, kept) }));
  // A sample stands for the window up to the next one: the axis runs to the end of the last window.
  const end = Math.max(1_000, allTimes[kept] ?? times.at(-1) ?? 0, ...moments.map((moment) => moment.atMs));
  const highest = Math.max(
    1,
    ...limits.map((limit) => limit.value),
    ...series.flatMap((s) => s.values.map((v) => v ?? 0)),
  );
  const yStep = niceStep(highest / 4);
  const top = Math.ceil((highest * 1.08) / yStep) * yStep;
  const x = (ms: number) => LEFT + (ms / end) * (WIDTH - LEFT - RIGHT);
  // Moment labels sit in rows above the lines (a label that would run into the one before it in a
  // row goes one row down), and the plot starts below them, so no label lies on a line.
  const momentRows: number[] = [];
  const rowEnds: number[] = [];
  for (const moment of moments) {
    const width = moment.label.length * 7 + 8;
    const at = x(moment.atMs);
    const from = at > WIDTH - RIGHT - 120 ? at - width : at;
    let row = rowEnds.findIndex((end) => end < from);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = from + width;
    momentRows.push(row);
  }
  const plotTop = TOP + (rowEnds.length ? rowEnds.length * 14 + 4 : 0);
  const y = (value: number) => plotTop + (1 - value / top) * (HEIGHT - plotTop - BOTTOM);
  const step = tickMs ?? tickStepMs(end);
  const ticks: number[] = [];
  for (let t = 0; t <= end + 1 && ticks.length < 12; t += step) ticks.push(t);
  const yTicks: number[] = [];
  for (let tick = 0; tick < top; tick += yStep) yTicks.push(round(tick));
  const path = (values: ReadonlyArray<number | null>) =>
    values
      .map((value, index) => (value === null ? null : `${x(times[index] ?? 0)},${y(value)}`))
      .reduce<string[]>((parts, point, index) => {
        if (point === null) return parts;
        const gap = index === 0 || values[index - 1] === null;
        parts.push(`${gap ? "M" : "L"}${point}`);
        return parts;
      }, [])
      .join("");
  const rows = rowsOf(times.length, tableRows);

  return (
    <figure className="mt-3">
      {/* As on the timelines (track-timeline.tsx): at phone width the chart keeps its width and scrolls. */}
      <p className="mb-1 text-xs text-fg-muted sm:hidden" data-testid="chart-scroll-cue">
        <span aria-hidden="true">⟷ </span>The chart is wider than your screen: scroll it sideways.
      </p>
      <div
        className="overflow-x-auto rounded-md border border-border bg-bg-subtle"
        tabIndex={0}
        role="group"
        aria-labelledby={titleId}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="block w-full min-w-[560px]"
          role="img"
          aria-labelledby={titleId}
          data-testid="series-chart"
        >
          <title
            id={titleId}
          >{`${title}, in ${unit}, over ${formatTime(end)}. The table below lists the values.`}</title>
          {/* The unit where the next tick would be: the top of the axis never carries a number. */}
          <text x={LEFT - 6} y={TOP + 4} fontSize={12} textAnchor="end" fill="var(--fg-muted)" aria-hidden="true">
            {unit}
          </text>
          {yTicks.map((tick) => (
            <Fragment key={`y${tick}`}>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={y(tick)}
                y2={y(tick)}
                stroke="var(--border)"
                strokeWidth={1}
              />
              <text x={LEFT - 6} y={y(tick) + 4} fontSize={12} textAnchor="end" fill="var(--fg-muted)">
                {tick}
              </text>
            </Fragment>
          ))}
          {ticks.map((tick) => (
            <text
              key={`x${tick}`}
              x={x(tick)}
              y={HEIGHT - 10}
              fontSize={12}
              textAnchor={tick === 0 ? "start" : x(tick) > WIDTH - RIGHT - 30 ? "end" : "middle"}
              fill="var(--fg-muted)"
            >
              {formatTime(tick)}
            </text>
          ))}
          {limits.map((limit) => (
            <Fragment key={limit.label}>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={y(limit.value)}
                y2={y(limit.value)}
                stroke={LIMIT_STYLE.colour}
                strokeWidth={2}
                strokeDasharray={LIMIT_STYLE.dash}
              />
              <text
                x={WIDTH - RIGHT - 4}
                y={y(limit.value) - 5}
                fontSize={12}
                textAnchor="end"
                fill="var(--danger)"
              >
                {limit.label}
              </text>
            </Fragment>
          ))}
          {moments.map((moment, index) => (
            <g key={`${index}-${moment.label}`} data-testid="series-moment">
              <line
                x1={x(moment.atMs)}
                x2={x(moment.atMs)}
                y1={TOP}
                y2={HEIGHT - BOTTOM}
                stroke={MOMENT_STYLE.colour}
                strokeWidth={1.5}
                strokeDasharray={MOMENT_STYLE.dash}
              />
              <text
                x={x(moment.atMs) + (x(moment.atMs) > WIDTH - RIGHT - 120 ? -4 : 4)}
                y={TOP + 10 + (momentRows[index] ?? 0) * 14}
                fontSize={12}
                textAnchor={x(moment.atMs) > WIDTH - RIGHT - 120 ? "end" : "start"}
                fill="var(--fg)"
                paintOrder="stroke"
                stroke="var(--bg-subtle)"
                strokeWidth={3}
              >
                {moment.label}
              </text>
            </g>
          ))}
          {series.map((s, index) => {
            const style = STYLES[index % STYLES.length]!;
            return (
              <path
                key={s.name}
                d={path(s.values)}
                fill="none"
                stroke={style.colour}
                strokeWidth={2}
                strokeDasharray={style.dash}
              />
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2">
        <span className="sr-only">Legend:</span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {series.map((s, index) => (
            <LegendItem key={s.name} name={s.name} {...STYLES[index % STYLES.length]!} />
          ))}
          {limits.map((limit) => (
            <LegendItem key={limit.label} name={limit.label} {...LIMIT_STYLE} />
          ))}
          {moments.map((moment, index) => (
            <LegendItem key={`${index}-${moment.label}`} name={moment.label} {...MOMENT_STYLE} />
          ))}
        </ul>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-semibold">{title}: the numbers</summary>
          <div
            className="mt-1 max-h-72 overflow-auto"
            tabIndex={0}
            role="region"
            aria-label={`${title}: the numbers`}
          >
            <table className="text-left">
              <caption className="sr-only">{`${title} (${unit})`}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4">
                    Time
                  </th>
                  {series.map((s) => (
                    <th key={s.name} scope="col" className="pr-4">
                      {s.name} ({unit})
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row}>
                    <th scope="row" className="pr-4 font-normal">
                      {formatTime(times[row] ?? 0)}
                    </th>
                    {series.map((s) => {
                      const value = s.values[row];
                      return (
                        <td key={s.name} className="pr-4 tabular-nums">
                          {value === null || value === undefined ? "—" : round(value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
