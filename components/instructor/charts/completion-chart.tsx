"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { DayPoint } from "@/lib/instructor/cohort-stats";
import { AXIS_TICK, CHART_COLOURS, CHART_STYLE, TOOLTIP_STYLE } from "./chart-theme";

/** Cumulative lesson completions (line, left axis) and learners active per day (bars, right axis). */
export function CompletionChart({ points }: { points: DayPoint[] }) {
  return (
    <>
      <ComposedChart
        responsive
        style={CHART_STYLE}
        data={points}
        margin={{ top: 8, right: 0, bottom: 0, left: 0 }}
        title="Lesson completions and active learners per day"
      >
        <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke={CHART_COLOURS.grid} minTickGap={24} />
        <YAxis
          yAxisId="completions"
          allowDecimals={false}
          tick={AXIS_TICK}
          stroke={CHART_COLOURS.grid}
          width={40}
        />
        <YAxis
          yAxisId="active"
          orientation="right"
          allowDecimals={false}
          tick={{ ...AXIS_TICK, fill: CHART_COLOURS.secondary }}
          stroke={CHART_COLOURS.grid}
          width={32}
        />
        <Tooltip {...TOOLTIP_STYLE} />
        <Legend verticalAlign="top" wrapperStyle={{ color: "var(--fg)", fontSize: 13, paddingBottom: 8 }} />
        <Bar
          yAxisId="active"
          dataKey="active"
          name="Learners active that day"
          fill={CHART_COLOURS.secondary}
          isAnimationActive={false}
        />
        <Line
          yAxisId="completions"
          dataKey="completions"
          name="Lessons completed (total)"
          stroke={CHART_COLOURS.primary}
          strokeWidth={2.5}
          dot={false}
          type="monotone"
          isAnimationActive={false}
        />
      </ComposedChart>
      <p className="mt-1 text-xs text-fg-muted">
        Left axis: lessons completed, running total (line). Right axis: learners active that day (bars).
      </p>
    </>
  );
}
