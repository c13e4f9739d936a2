"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { LessonBar } from "@/lib/instructor/cohort-stats";
import { AXIS_TICK, CHART_COLOURS, CHART_STYLE, TOOLTIP_STYLE } from "./chart-theme";

/** Stacked bars per lesson (numbered in course order, full titles in the tooltip and the table). */
export function LessonProgressChart({ bars }: { bars: LessonBar[] }) {
  const data = bars.map((bar, index) => ({ ...bar, number: String(index + 1) }));
  return (
    <BarChart
      responsive
      style={CHART_STYLE}
      data={data}
      margin={{ top: 8, right: 8, bottom: 20, left: 0 }}
      title="Learners per lesson: completed, in progress, not started"
    >
      <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
      <XAxis
        dataKey="number"
        tick={AXIS_TICK}
        stroke={CHART_COLOURS.grid}
        label={{
          value: "Lesson",
          position: "insideBottom",
          offset: -12,
          fill: CHART_COLOURS.text,
          fontSize: 12,
        }}
      />
      <YAxis allowDecimals={false} tick={AXIS_TICK} stroke={CHART_COLOURS.grid} width={32} />
      <Tooltip
        {...TOOLTIP_STYLE}
        labelFormatter={(_, payload) => {
          const bar = payload[0]?.payload as (LessonBar & { number: string }) | undefined;
          return bar ? `${bar.number}. ${bar.title}` : "";
        }}
      />
      <Legend verticalAlign="top" wrapperStyle={{ color: "var(--fg)", fontSize: 13, paddingBottom: 8 }} />
      {/* A thin background-coloured outline keeps adjacent segments apart in both themes. */}
      <Bar
        dataKey="completed"
        name="Completed"
        stackId="lesson"
        fill={CHART_COLOURS.completed}
        stroke={CHART_COLOURS.background}
        isAnimationActive={false}
      />
      <Bar
        dataKey="inProgress"
        name="In progress"
        stackId="lesson"
        fill={CHART_COLOURS.inProgress}
        stroke={CHART_COLOURS.background}
        isAnimationActive={false}
      />
      <Bar
        dataKey="notStarted"
        name="Not started"
        stackId="lesson"
        fill={CHART_COLOURS.notStarted}
        stroke={CHART_COLOURS.background}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
