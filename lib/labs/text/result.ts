/**
 * What a text lab shows beside its checks: the commands typed (with what they printed), the
 * alert's state changes per run, or the query's values next to the expected ones. Bounded, since
 * results go to the browser and may be stored.
 */
export type CommandEntry = { line: string; ok: boolean; output: string };

export type AlertRunDetails = {
  id: string;
  label: string;
  incidentAtMs: number;
  firstFiringAtMs: number | null;
  transitions: Array<{ atMs: number; from: string; to: string }>;
  omittedTransitions: number;
  /** What the chart draws; optional so results stored before it still load. */
  chart?: AlertChartData;
};

/**
 * One run of an alerting rule as a chart: the compared value at each evaluation (at most
 * MAX_ALERT_SAMPLES), the threshold, the rule's state as spans, the injected trouble and, when a
 * check asks the rule to fire within a time, the moment it must have fired by.
 */
export type AlertChartData = {
  endMs: number;
  threshold: { op: string; value: number } | null;
  samples: Array<{ atMs: number; value: number | null }>;
  /** Most series one evaluation gave: the sample is the one nearest to firing. */
  maxSeries: number;
  states: Array<{ fromMs: number; toMs: number; state: "inactive" | "pending" | "firing" }>;
  omittedStates: number;
  windows: Array<{ fromMs: number; toMs: number; label: string }>;
  fireByMs: number | null;
};

export type QueryRow = { atMs: number; key: string; yours: number | null; expected: number | null };

export type TextDetails =
  | {
      kind: "commands";
      entries: CommandEntry[];
      omitted: number;
      notes: string[];
      /** The incident container's history for its chart; optional so older results still load. */
      lifecycle?: ContainerLifecycle;
      /** The backup lab's order counts over time for its chart; optional likewise. */
      orders?: OrderCounts;
    }
  | { kind: "alert"; rule: { expr: string; forMs: number } | null; runs: AlertRunDetails[] }
  | {
      kind: "query";
      by: string;
      rows: QueryRow[];
      /** Both queries over the whole run for the chart; optional so older results still load. */
      overTime?: QueryOverTime;
    }
  | { kind: "dockerfile"; lines: Array<{ label: string; line: number }> };

/**
 * What `docker events` holds for the incident's container, from its first start to the moment
 * the learner logged in (`nowMs`): at most MAX_LIFECYCLE_EVENTS, the latest kept.
 */
export type ContainerLifecycle = {
  container: string;
  nowMs: number;
  restartPolicy: string;
  memoryMb: number | null;
  events: Array<{ atMs: number; action: string; exitCode: number | null }>;
  omittedEvents: number;
};

/**
 * The backup lab's orders over time, from the learner's arrival (`atMs` 0): in orders-db, in the
 * best backup file so far, in the restore container, and orders that failed. Sampled before and
 * after each command (between them the counts move in straight lines). Null: not there (yet).
 */
export type OrderCounts = {
  samples: Array<{ atMs: number; db: number | null; backup: number | null; restored: number | null; failed: number }>;
  /** When each backup file was finished, and what it is. */
  backups: Array<{ atMs: number; file: string; kind: "dump" | "tar" }>;
  restoreContainer: string;
};

/**
 * The learner's query and the reference over the run, one panel per label value of `by`: the
 * reference's value and each of the learner's series (named by their other labels) at `times`.
 * Bounded: at most MAX_QUERY_TIMES times, MAX_QUERY_KEYS keys, MAX_QUERY_SERIES series of
 * the learner's per key. Non-finite values (NaN without requests) are null.
 */
export type QueryOverTime = {
  times: number[];
  keys: Array<{
    key: string;
    expected: Array<number | null>;
    yours: Array<{ name: string; values: Array<number | null> }>;
    omittedYours: number;
  }>;
  omittedKeys: number;
  /** Check times, and when the scenario's incidents start and end. */
  moments: Array<{ atMs: number; label: string }>;
};

export const MAX_QUERY_TIMES = 61;
export const MAX_QUERY_KEYS = 6;
export const MAX_QUERY_SERIES = 3;

export const MAX_OUTPUT_CHARS = 4_000;
export const MAX_LIFECYCLE_EVENTS = 80;
export const MAX_TRANSITIONS = 40;
export const MAX_ALERT_SAMPLES = 240;

/** Long outputs are cut for the result (the prompt itself shows them whole). */
export function clip(text: string, max = MAX_OUTPUT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}

/** "12:30": virtual minutes and seconds since the start of the run. */
/** A length of time in words ("2 min 30 s", "45 s"), unlike `clock`, which reads as a moment. */
export function span(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function clock(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
