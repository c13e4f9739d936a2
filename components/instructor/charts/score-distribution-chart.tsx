"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { ScoreBin } from "@/lib/instructor/cohort-stats";
import { AXIS_TICK, CHART_COLOURS, CHART_STYLE, TOOLTIP_STYLE } from "./chart-theme";

/** Histogram: how many learners' average quiz score falls in each 10-point bin. */
export function ScoreDistributionChart({ bins }: { bins: ScoreBin[] }) {
  return (
    <BarChart
      responsive
      style={CHART_STYLE}
      data={bins}
      margin={{ top: 8, right: 8, bottom: 20, left: 0 }}
      title="Learners by average quiz score"
    >
      <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
      <XAxis
        dataKey="label"
        tick={AXIS_TICK}
        stroke={CHART_COLOURS.grid}
        interval="preserveStartEnd"
        label={{
          value: "Average quiz score (%)",
          position: "insideBottom",
          offset: -12,
          fill: CHART_COLOURS.text,
          fontSize: 12,
        }}
      />
      <YAxis allowDecimals={false} tick={AXIS_TICK} stroke={CHART_COLOURS.grid} width={32} />
      <Tooltip
        {...TOOLTIP_STYLE}
        formatter={(value) => [value, "Learners"]}
        labelFormatter={(label) => `${label} %`}
      />
      <Bar
        dataKey="learners"
        name="Learners"
        fill={CHART_COLOURS.primary}
        radius={[4, 4, 0, 0]}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
