import type { Glyph, Tone } from "./chart-model";

/**
 * The one visual language of every lab chart: a colour always means the same outcome and a marker
 * shape always the same kind of event, whichever lab or experiment drew it. Colours are theme
 * tokens (light and dark); each tone also has a fill pattern or the words, so colour is never the
 * only carrier.
 */
export type ToneStyle = {
  colour: string;
  /** Fill pattern drawn over the colour (see timeline-defs.tsx); null for a plain fill. */
  pattern: "hatch" | "dots" | null;
  name: string;
  meaning: string;
};

export const TONES: Record<Tone, ToneStyle> = {
  ok: {
    colour: "var(--success)",
    pattern: null,
    name: "OK",
    meaning: "probe passed, request completed, healthy or ready, alert inactive",
  },
  bad: {
    colour: "var(--danger)",
    pattern: "hatch",
    name: "Failed",
    meaning: "probe failed, request dropped or refused, unhealthy or out of traffic, alert firing",
  },
  slow: {
    colour: "var(--warning)",
    pattern: "dots",
    name: "Timed out",
    meaning: "probe killed at its timeout: drawn for the whole time it was waited for",
  },
  starting: {
    colour: "var(--accent)",
    pattern: "dots",
    name: "Starting",
    meaning: "booting or waiting for its first verdict, alert pending",
  },
  neutral: {
    colour: "var(--fg-muted)",
    pattern: null,
    name: "In progress",
    meaning: "running, in flight, a connection held open",
  },
  signal: {
    colour: "var(--fg)",
    pattern: null,
    name: "Signal or deadline",
    meaning: "a stop signal, a deadline (dashed)",
  },
  old: {
    colour: "var(--fg-muted)",
    pattern: "hatch",
    name: "Old version",
    meaning: "ready replicas of the old version",
  },
  new: {
    colour: "var(--accent)",
    pattern: null,
    name: "New version",
    meaning: "ready replicas of the new version",
  },
};

export const GLYPHS: Record<Glyph, { name: string; meaning: string }> = {
  start: { name: "Start", meaning: "a container, Pod or instance started" },
  restart: { name: "Restart", meaning: "restarted in place (same container)" },
  replace: { name: "Replacement", meaning: "replaced by a new container or task" },
  exit: { name: "Exit", meaning: "the process exited (its code is in the label)" },
  stop: { name: "Stop", meaning: "stopped or removed by the platform" },
  in: { name: "Into traffic", meaning: "endpoint added, ready, traffic switched here" },
  out: { name: "Out of traffic", meaning: "endpoint removed, no longer routed" },
  arrive: { name: "Arrived", meaning: "a request arrived" },
  done: { name: "Completed", meaning: "a request got its answer" },
  drop: { name: "Dropped", meaning: "accepted, then cut before the answer" },
  refuse: { name: "Refused", meaning: "connection refused: nothing was listening" },
  note: { name: "Other event", meaning: "something the narration explains (a timer, a log line)" },
};

/** Tones that colour state bands and spans, in the legend's order. */
export const TONE_ORDER: Tone[] = ["ok", "bad", "slow", "starting", "neutral", "old", "new", "signal"];
export const GLYPH_ORDER: Glyph[] = [
  "start",
  "restart",
  "replace",
  "exit",
  "stop",
  "in",
  "out",
  "arrive",
  "done",
  "drop",
  "refuse",
  "note",
];
