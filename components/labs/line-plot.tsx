import type { LinePlot } from "./chart-model";
import type { LaneGeometry } from "./rollout-area";


/** Four significant figures at most: 0.0126, 0.02, 150. */
export function plotNumber(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** The highest value the lane shows: a little above the line and the threshold, whichever is higher. */
export function plotTop(plot: LinePlot): number {
  const values = plot.points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const highest = Math.max(plot.threshold?.value ?? 0, ...values, 0);
  return highest > 0 ? highest * 1.1 : 1;
}

/**
 * A measured value as a line in its lane (gaps where there was none), the threshold as a dashed
 * line in the danger colour with its label, and the axis' top and zero. Decorative to assistive
 * technology: the numbers are in the chart's data table.
 */
export function LinePlotLane({ plot, geometry }: { plot: LinePlot; geometry: LaneGeometry }) {
  const { x, top, height, left, right } = geometry;
  const max = plotTop(plot);
  // Values below zero are clipped to the axis: the rules here compare ratios and rates.
  const y = (value: number) => top + height - (Math.max(0, Math.min(value, max)) / max) * height;
  let path = "";
  plot.points.forEach((point, index) => {
    if (point.value === null) return;
    const gap = index === 0 || plot.points[index - 1]!.value === null;
    path += `${gap ? "M" : "L"}${x(point.atMs).toFixed(1)},${y(point.value).toFixed(1)}`;
  });
  const threshold = plot.threshold;
  return (
    <g aria-hidden="true" data-testid="line-plot">
      <line x1={left} x2={right} y1={y(0)} y2={y(0)} stroke="var(--border)" />
      {[0, max].map((value) => (
        <text
          key={value}
          x={left - 6}
          y={y(value) + (value === 0 ? 0 : 8)}
          fontSize={10}
          textAnchor="end"
          fill="var(--fg-muted)"
        >
          {plotNumber(value)}
        </text>
      ))}
      {threshold && (
        <g data-testid="line-threshold">
          <line
            x1={left}
            x2={right}
            y1={y(threshold.value)}
            y2={y(threshold.value)}
            stroke="var(--danger)"
            strokeWidth={1.5}
            strokeDasharray="8 4"
          />
          <text
            x={right - 4}
            y={y(threshold.value) - 4}
            fontSize={11}
            textAnchor="end"
            fill="var(--danger)"
            paintOrder="stroke"
            stroke="var(--bg-subtle)"
            strokeWidth={3}
          >
            {threshold.label}
          </text>
        </g>
      )}
      <path d={path} fill="none" stroke="var(--accent)" strokeWidth={2} strokeLinejoin="round" />
      {/* A lone sample between gaps would be invisible as a path: a dot shows it. */}
      {plot.points.map((point, index) =>
        point.value !== null &&
        (plot.points[index - 1]?.value ?? null) === null &&
        (plot.points[index + 1]?.value ?? null) === null ? (
          <circle key={point.atMs} cx={x(point.atMs)} cy={y(point.value)} r={2.5} fill="var(--accent)" />
        ) : null,
      )}
    </g>
  );
}
