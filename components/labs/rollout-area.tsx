import type { AreaPlot } from "./chart-model";
import { TONES } from "./visual-language";

/** Where a lane sits in the timeline's SVG; shared by every plot drawn inside one. */
export type LaneGeometry = {
  x: (ms: number) => number;
  top: number;
  height: number;
  left: number;
  right: number;
};

type Geometry = LaneGeometry & { uid: string };

/**
 * Ready replicas stacked as step areas (old below, new on top), with the capacity floor and surge
 * ceiling as labelled dashed lines. Steps, not slopes: a replica is ready or it is not.
 */
export function ReplicaArea({ plot, geometry }: { plot: AreaPlot; geometry: Geometry }) {
  const { x, top, height, left, right, uid } = geometry;
  const max = plot.maxReplicas + 1;
  const y = (value: number) => top + height - (value / max) * height;
  const base = y(0);
  // Sample i holds from its time until the next sample (a step after it), the first from t = 0.
  const path = (lower: (index: number) => number, upper: (index: number) => number) => {
    const points = plot.points;
    if (points.length === 0) return "";
    const spans = points.map((point, index) => ({
      from: x(index === 0 ? 0 : point.atMs),
      to: x(points[index + 1]?.atMs ?? point.atMs),
      index,
    }));
    const top = spans.map(
      (span) => `L${span.from},${y(upper(span.index))}L${span.to},${y(upper(span.index))}`,
    );
    const bottom = [...spans]
      .reverse()
      .map((span) => `L${span.to},${y(lower(span.index))}L${span.from},${y(lower(span.index))}`);
    return `M${spans[0]!.from},${y(lower(0))}${top.join("")}${bottom.join("")}Z`;
  };
  const old = (index: number) => plot.points[index]!.old;
  const total = (index: number) => plot.points[index]!.old + plot.points[index]!.new;
  const limit = (value: number | null, label: string) =>
    value === null ? null : (
      <g>
        <line
          x1={left}
          x2={right}
          y1={y(value)}
          y2={y(value)}
          stroke="var(--fg)"
          strokeDasharray="6 4"
          strokeWidth={1.5}
        />
        <text
          x={right - 4}
          y={y(value) - 4}
          fontSize={11}
          textAnchor="end"
          fill="var(--fg)"
          paintOrder="stroke"
          stroke="var(--bg-subtle)"
          strokeWidth={3}
        >
          {label} {value}
        </text>
      </g>
    );
  return (
    <g aria-hidden="true">
      <path d={path(() => 0, old)} fill={TONES.old.colour} opacity={0.45} />
      <path d={path(() => 0, old)} fill={`url(#${uid}-hatch)`} />
      <path d={path(old, total)} fill={TONES.new.colour} opacity={0.7} />
      <path d={steps(plot, x, y)} fill="none" stroke="var(--fg)" strokeWidth={1.5} data-testid="pods-line" />
      <line x1={left} x2={right} y1={base} y2={base} stroke="var(--border)" />
      {[0, plot.maxReplicas].map((value) => (
        <text key={value} x={left - 6} y={y(value) + 4} fontSize={10} textAnchor="end" fill="var(--fg-muted)">
          {value}
        </text>
      ))}
      {limit(plot.floor, "capacity floor")}
      {limit(plot.ceiling === plot.floor ? null : plot.ceiling, "surge ceiling")}
    </g>
  );
}

/** Every Pod that exists, as a step line: the surge shows here before the new Pod is ready. */
function steps(plot: AreaPlot, x: (ms: number) => number, y: (value: number) => number): string {
  return plot.points
    .map((point, index) => {
      const from = x(index === 0 ? 0 : point.atMs);
      const to = x(plot.points[index + 1]?.atMs ?? point.atMs);
      return `${index === 0 ? "M" : "L"}${from},${y(point.pods)}L${to},${y(point.pods)}`;
    })
    .join("");
}

/** Failed requests per second as bars, one per sample; a calm lane says so in words. */
export function FailureBars({ plot, geometry }: { plot: AreaPlot; geometry: Geometry }) {
  const { x, top, height, left } = geometry;
  if (plot.maxFailedPerSecond === 0)
    return (
      <text x={left + 6} y={top + height / 2 + 4} fontSize={11} fill="var(--fg-muted)" aria-hidden="true">
        no failed requests
      </text>
    );
  return (
    <g aria-hidden="true">
      {plot.points.map((point, index) => {
        if (point.failedPerSecond === 0) return null;
        const from = index === 0 ? 0 : plot.points[index - 1]!.atMs;
        const barHeight = Math.max(2, (point.failedPerSecond / plot.maxFailedPerSecond) * (height - 4));
        return (
          <rect
            key={point.atMs}
            x={x(from)}
            y={top + height - barHeight}
            width={Math.max(1.5, x(point.atMs) - x(from) - 0.5)}
            height={barHeight}
            fill="var(--danger)"
          />
        );
      })}
      <text x={left + 3} y={top + 10} fontSize={10} fill="var(--fg-muted)">
        {plot.maxFailedPerSecond}/s
      </text>
    </g>
  );
}
