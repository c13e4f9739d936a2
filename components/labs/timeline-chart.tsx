import { Fragment } from "react";
import { lanesOf, tickStepMs, type Track } from "./timeline-data";

const WIDTH = 800;
const LEFT = 12;
const RIGHT = 16;
const LANE = 18;
const TOP = 10;
const AXIS = 30;

/** Marker colours from the theme tokens (light and dark), paired with a distinct shape per lane. */
const COLOURS = ["var(--accent)", "var(--warning)", "var(--fg)", "var(--fg-muted)"];
const SHAPES = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "bar",
  "cross",
  "ring",
  "triangle-down",
  "square-open",
  "dot",
] as const;
type Shape = (typeof SHAPES)[number];

export function Marker({
  shape,
  colour,
  x,
  y,
  size = 5,
}: {
  shape: Shape;
  colour: string;
  x: number;
  y: number;
  size?: number;
}) {
  const s = size;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} fill={colour} />;
    case "ring":
      return <circle cx={x} cy={y} r={s - 1} fill="none" stroke={colour} strokeWidth={2} />;
    case "dot":
      return <circle cx={x} cy={y} r={s / 2} fill={colour} />;
    case "square":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={colour} />;
    case "square-open":
      return (
        <rect
          x={x - s + 1}
          y={y - s + 1}
          width={2 * s - 2}
          height={2 * s - 2}
          fill="none"
          stroke={colour}
          strokeWidth={2}
        />
      );
    case "triangle":
      return <polygon points={`${x},${y - s} ${x + s},${y + s} ${x - s},${y + s}`} fill={colour} />;
    case "triangle-down":
      return <polygon points={`${x - s},${y - s} ${x + s},${y - s} ${x},${y + s}`} fill={colour} />;
    case "diamond":
      return (
        <polygon
          points={`${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}`}
          fill={colour}
        />
      );
    case "bar":
      return <rect x={x - 1.5} y={y - s - 1} width={3} height={2 * s + 2} fill={colour} />;
    case "cross":
      return (
        <path
          d={`M${x - s},${y - s}L${x + s},${y + s}M${x + s},${y - s}L${x - s},${y + s}`}
          stroke={colour}
          strokeWidth={2}
        />
      );
  }
}

const BAD =
  /unhealthy|failed|timed out|dropped|refused|killed|exception|aborted|exceeded|rolled back|rollback/;
const GOOD = /passed|status: healthy|completed|ready|available|succeeded/;

/** Good news in the success colour, bad news in the danger colour; the shape and the words carry it too. */
function toneOf(lane: string): string | null {
  if (BAD.test(lane)) return "var(--danger)";
  if (GOOD.test(lane)) return "var(--success)";
  return null;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** A compact timeline: one lane per event type, a time axis, and a legend in words below. */
export function TimelineChart({ track }: { track: Track }) {
  const { lanes, laneOf } = lanesOf(track.events);
  const charted = track.events.filter((event) => event.lane !== null);
  const end = Math.max(1_000, ...track.events.map((event) => event.atMs));
  const step = tickStepMs(end);
  const ticks: number[] = [];
  for (let t = 0; t <= end + 1; t += step) ticks.push(t);
  const height = TOP + lanes.length * LANE + AXIS;
  const x = (atMs: number) => LEFT + (atMs / end) * (WIDTH - LEFT - RIGHT);
  const style = (lane: string) => {
    const index = lanes.indexOf(lane);
    return {
      shape: SHAPES[index % SHAPES.length] ?? "circle",
      colour: toneOf(lane) ?? COLOURS[index % COLOURS.length] ?? "var(--fg)",
    };
  };
  const counts = new Map<string, number>();
  for (const event of charted) {
    const lane = laneOf(event.lane as string);
    counts.set(lane, (counts.get(lane) ?? 0) + 1);
  }
  const titleId = `timeline-${track.id}-title`;

  return (
    <figure className="mt-3">
      <div
        className="overflow-x-auto rounded-md border border-border bg-bg-subtle"
        tabIndex={0}
        role="group"
        aria-labelledby={titleId}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="block w-full min-w-[560px]"
          role="img"
          aria-labelledby={titleId}
          data-testid="timeline-chart"
        >
          <title id={titleId}>
            {`Timeline of ${track.title}: ${charted.length} events over ${seconds(end)}, one lane per event type. The legend and the narration below list them in words.`}
          </title>
          {lanes.map((lane, index) => (
            <line
              key={lane}
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={TOP + index * LANE + LANE / 2}
              y2={TOP + index * LANE + LANE / 2}
              stroke="var(--border)"
              strokeWidth={1}
            />
          ))}
          {ticks.map((tick) => (
            <Fragment key={tick}>
              <line
                x1={x(tick)}
                x2={x(tick)}
                y1={TOP}
                y2={TOP + lanes.length * LANE + 4}
                stroke="var(--border)"
                strokeDasharray="2 3"
              />
              <text
                x={x(tick)}
                y={TOP + lanes.length * LANE + 18}
                fontSize={12}
                textAnchor={tick === 0 ? "start" : x(tick) > WIDTH - RIGHT - 24 ? "end" : "middle"}
                fill="var(--fg-muted)"
              >
                {seconds(tick)}
              </text>
            </Fragment>
          ))}
          {charted.map((event, index) => {
            const lane = laneOf(event.lane as string);
            const { shape, colour } = style(lane);
            return (
              <Marker
                key={index}
                shape={shape}
                colour={colour}
                x={x(event.atMs)}
                y={TOP + lanes.indexOf(lane) * LANE + LANE / 2}
              />
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2">
        <span className="sr-only">Legend:</span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="timeline-legend">
          {lanes.map((lane) => {
            const { shape, colour } = style(lane);
            return (
              <li key={lane} className="flex items-center gap-1.5">
                <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                  <Marker shape={shape} colour={colour} x={7} y={7} size={5} />
                </svg>
                <span>
                  {lane} <span className="text-fg-muted">({counts.get(lane) ?? 0})</span>
                </span>
              </li>
            );
          })}
        </ul>
        <span className="mt-1 block text-xs text-fg-muted">
          Time runs left to right, in virtual seconds since the start of the run.
        </span>
      </figcaption>
    </figure>
  );
}
