import type { QueryOverTime } from "@/lib/labs/text/result";
import type { ChartMoment, ChartSeries } from "./series-chart";

export type QueryChart = { key: string; title: string; series: ChartSeries[]; notes: string[] };

const ms = (values: ReadonlyArray<number | null>) =>
  values.map((value) => (value === null ? null : Number((value * 1000).toFixed(3))));

/**
 * The query lab's values over time as line charts, one per label value of `by` (a route): each
 * of the learner's series, then the histogram's own figure (the reference) last, in milliseconds.
 * Where the learner's lines lie on the reference, the query is right; two lines of "yours" for
 * one route mean the series were not aggregated.
 */
export function queryCharts(
  by: string,
  data: QueryOverTime,
): { times: number[]; moments: ChartMoment[]; charts: QueryChart[]; notes: string[] } {
  const charts = data.keys.map((entry): QueryChart => {
    const notes: string[] = [];
    if (entry.yours.length === 0) notes.push(`Your query gives no value for ${entry.key}.`);
    if (entry.yours.length > 1)
      notes.push(
        `Your query gives ${entry.yours.length + entry.omittedYours} values for ${entry.key}, one per series: aggregate them.`,
      );
    return {
      key: entry.key,
      title: `${by} ${entry.key}: your query and the histogram's own figure`,
      series: [
        ...entry.yours.map((series) => ({ name: series.name, values: ms(series.values) })),
        { name: "expected (the reference query)", values: ms(entry.expected) },
      ],
      notes,
    };
  });
  return {
    times: data.times,
    moments: data.moments,
    charts,
    notes: data.omittedKeys > 0 ? [`${data.omittedKeys} more ${by}s are not drawn.`] : [],
  };
}
