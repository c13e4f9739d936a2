import type { AlertChartData, AlertRunDetails } from "@/lib/labs/text/result";
import { clockTime, RULE_LANE, type ChartModel, type Lane, type Mark, type Tone } from "./chart-model";
import { plotNumber } from "./line-plot";
import type { Track, TrackEvent } from "./timeline-data";

type AlertState = AlertChartData["states"][number]["state"];

/** How an alert's state reads in the shared visual language: quiet is OK, pending waits, firing is bad. */
export const ALERT_TONES: Record<AlertState, Tone> = { inactive: "ok", pending: "starting", firing: "bad" };

const OP_WORDS: Record<string, string> = {
  ">": "over",
  ">=": "at or over",
  "<": "under",
  "<=": "at or under",
  "==": "equal to",
  "!=": "not equal to",
};

/** Prometheus' own way of writing a duration: 2m, 30s, 1m30s. */
export function promDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds === 0) return "0s";
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes ? `${minutes}m` : ""}${rest ? `${rest}s` : ""}`;
}

const LANES: Lane[] = [
  { id: "value", label: "Rule value", kind: "line" },
  { id: "state", label: "Alert state", kind: "band" },
];

/**
 * One run of the alerting lab as a chart in the shared language: the compared value as a line
 * with the threshold dashed, the alert's state as a band (inactive green, pending dotted blue,
 * firing hatched red), the injected trouble shaded and labelled, and the check's deadline as a
 * dashed rule. Every span has a narration line saying why the state changed. Null for results
 * stored before the chart data existed.
 */
export function alertTrack(run: AlertRunDetails, rule: { expr: string; forMs: number } | null): Track | null {
  const data = run.chart;
  if (!data) return null;
  const forMs = rule?.forMs ?? 0;
  const threshold = data.threshold;
  const valueAt = (ms: number) => data.samples.find((sample) => sample.atMs === ms)?.value ?? null;
  const compared = (value: number | null) =>
    value === null
      ? "the expression has no value to compare"
      : threshold
        ? `the value is ${plotNumber(value)}, ${holds(value, threshold) ? "" : "not "}${OP_WORDS[threshold.op] ?? threshold.op} ${plotNumber(threshold.value)}`
        : `the expression returns ${plotNumber(value)}`;

  // Narration lines with what they belong to, put in time order below.
  const lines: Array<{ atMs: number; text: string; mark?: string }> = [];
  for (const window of data.windows) {
    lines.push({
      atMs: window.fromMs,
      text: `The trouble begins: ${window.label}, until ${clockTime(window.toMs)}.`,
    });
    if (window.toMs < data.endMs)
      lines.push({ atMs: window.toMs, text: `The trouble ends: requests are back to normal.` });
  }
  const marks: Mark[] = [];
  data.states.forEach((span, index) => {
    const before = data.states[index - 1]?.state ?? null;
    const value = valueAt(span.fromMs);
    const id = `state-${index}`;
    let text: string;
    if (span.state === "pending")
      text = `Pending: ${compared(value)}. It fires if that holds for ${promDuration(forMs)} (its for:).`;
    else if (span.state === "firing")
      text =
        before === "pending"
          ? `Firing: the condition has held for ${promDuration(forMs)}, so someone is paged.`
          : `Firing at once: ${compared(value)}, and with for: ${promDuration(forMs)} the first evaluation that returns a result pages someone.`;
    else if (before === "pending")
      text = `Inactive again: ${compared(value)} before ${promDuration(forMs)} had passed, so the pending alert is dropped without paging anyone.`;
    else if (before === "firing") text = `Resolved: ${compared(value)}; the alert stops firing.`;
    else
      text = `Inactive: ${compared(value)}, so the rule's expression returns no series and there is no alert.`;
    lines.push({ atMs: span.fromMs, text, mark: id });
    marks.push({
      id,
      lane: "state",
      atMs: span.fromMs,
      toMs: span.toMs,
      tone: ALERT_TONES[span.state],
      label: span.state,
      events: [],
    });
  });
  if (data.fireByMs !== null) {
    const fired = run.firstFiringAtMs;
    lines.push({
      atMs: data.fireByMs,
      text: `The deadline: the outage must have paged someone by now, ${promDuration(data.fireByMs - run.incidentAtMs)} after it began. ${
        fired !== null && fired <= data.fireByMs && fired >= run.incidentAtMs
          ? `It fired at ${clockTime(fired)}: in time.`
          : "It had not fired: too late."
      }`,
      mark: "fire-by",
    });
    marks.push({
      id: "fire-by",
      lane: RULE_LANE,
      atMs: data.fireByMs,
      tone: "signal",
      dashed: true,
      label: `must fire by ${clockTime(data.fireByMs)}`,
      events: [],
    });
  }
  const ordered = lines
    .map((line, index) => ({ ...line, index }))
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const events: TrackEvent[] = ordered.map((line) => ({
    atMs: line.atMs,
    text: `${clockTime(line.atMs)} — ${line.text}`,
  }));
  ordered.forEach((line, index) => {
    if (line.mark) marks.find((mark) => mark.id === line.mark)?.events.push(index);
  });

  const name = threshold ? `Value compared with ${plotNumber(threshold.value)}` : "Your expression's value";
  const notes: string[] = [];
  if (!threshold)
    notes.push(
      "Your expr has no comparison with a number at its top (such as > 0.01), so the line is the expression's own value and no threshold is drawn.",
    );
  if (data.maxSeries > 1)
    notes.push(
      `Your expression gave up to ${data.maxSeries} series; the line shows the one nearest to firing at each evaluation.`,
    );
  if (data.omittedStates > 0) notes.push(`${data.omittedStates} more state changes are not drawn.`);
  const fired =
    run.firstFiringAtMs === null ? "it never fired" : `it first fired at ${clockTime(run.firstFiringAtMs)}`;
  const summary = `${run.label}: the rule's value${threshold ? " against its threshold" : ""} and the alert's state (inactive, pending, firing) at each evaluation; ${fired}`;

  const stateAt = (ms: number) =>
    data.states.find((span) => span.fromMs <= ms && ms < span.toMs)?.state ??
    data.states.at(-1)?.state ??
    "inactive";
  const chart: ChartModel = {
    summary,
    endMs: Math.max(1, data.endMs),
    lanes: LANES,
    marks,
    windows: data.windows,
    area: null,
    line: {
      name,
      points: data.samples,
      threshold: threshold
        ? { value: threshold.value, label: `threshold ${threshold.op} ${plotNumber(threshold.value)}` }
        : null,
    },
    timeAxis: "clock",
    table: {
      caption: `${run.label}: the rule's value and state at each evaluation, with what happened`,
      columns: ["Time", name, "Alert state", "What happened"],
      rows: data.samples.map((sample, index) => {
        const next = data.samples[index + 1]?.atMs ?? Infinity;
        const happened = ordered
          .filter((line) => line.atMs >= sample.atMs && line.atMs < next)
          .map((line) => line.text)
          .join(" ");
        return [
          clockTime(sample.atMs),
          sample.value === null ? "—" : plotNumber(sample.value),
          stateAt(sample.atMs),
          happened,
        ];
      }),
    },
    notes,
  };
  return {
    id: `alert-${run.id}`,
    title: run.label,
    events,
    chart,
    omittedEvents: 0,
    logs: [],
    omittedLogs: 0,
  };
}

function holds(value: number, threshold: NonNullable<AlertChartData["threshold"]>): boolean {
  switch (threshold.op) {
    case ">":
      return value > threshold.value;
    case ">=":
      return value >= threshold.value;
    case "<":
      return value < threshold.value;
    case "<=":
      return value <= threshold.value;
    case "==":
      return value === threshold.value;
    default:
      return value !== threshold.value;
  }
}
