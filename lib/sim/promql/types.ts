/** Label set of one series; `__name__` holds the metric name, as in Prometheus. */
export type Labels = Readonly<Record<string, string>>;

/** A stored sample: time in ms, value; `stale` marks Prometheus' staleness marker. */
export type Point = { t: number; v: number; stale?: true };

export type Series = { labels: Labels; points: Point[] };

/** One element of an instant vector. */
export type Element = { labels: Labels; value: number };

export type InstantVector = { type: "vector"; elements: Element[] };
export type ScalarValue = { type: "scalar"; value: number };
export type RangeVector = { type: "matrix"; series: Series[] };
export type Value = InstantVector | ScalarValue | RangeVector;

/** A query error a learner can read: what is wrong, and where in the query. */
export class PromQLError extends Error {
  constructor(
    message: string,
    readonly from?: number,
    readonly to?: number,
  ) {
    super(message);
    this.name = "PromQLError";
  }
}

const NAME = "__name__";

export function metricName(labels: Labels): string | undefined {
  return labels[NAME];
}

export function withoutName(labels: Labels): Labels {
  if (!(NAME in labels)) return labels;
  const { [NAME]: _dropped, ...rest } = labels;
  return rest;
}

/** A stable key for a label set (sorted by name). */
export function signature(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(",");
}

/** `{a="1", b="2"}` as Prometheus prints it, the metric name first. */
export function formatLabels(labels: Labels): string {
  const name = labels[NAME] ?? "";
  const rest = Object.keys(labels)
    .filter((key) => key !== NAME)
    .sort()
    .map((key) => `${key}="${labels[key]}"`);
  return `${name}{${rest.join(", ")}}`;
}
