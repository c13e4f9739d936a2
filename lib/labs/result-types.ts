import type { Summary as HealthSummary, TimelineEvent as HealthEvent } from "@/lib/sim/healthcheck";
import type { RolloutEvent, Sample, Summary as RolloutSummary } from "@/lib/sim/rollout";
import type { ShutdownEvent, ShutdownSummary } from "@/lib/sim/shutdown";
import type { ConsoleEntry } from "@/lib/sandbox/quickjs-sandbox";
import type { TextDetails } from "./text/result";
import type { OpsSummary, OpsTimeline } from "./ops/results";

/** One pass criterion, judged. `detail` says what actually happened, in a sentence or two. */
export type CheckResult = { label: string; passed: boolean; detail: string };

/** A console line from the learner's code, stamped with the virtual time it was written at. */
export type LabLog = ConsoleEntry & { atMs: number };

/** A stretch of the run to shade on the chart, such as an injected database outage. */
export type TimeWindow = { fromMs: number; toMs: number; label: string };
/** The replicas a rollout strategy promises to stay within; null when it promises nothing. */
export type CapacityBounds = { floor: number | null; ceiling: number | null };

export type HealthRunTimeline = {
  run: string;
  label: string;
  events: HealthEvent[];
  /** Chart context from the scenario; optional so results stored before it still load. */
  windows?: TimeWindow[];
  durationMs?: number;
  /** Events beyond the cap, left out from the end. */
  omittedEvents: number;
  logs: LabLog[];
  omittedLogs: number;
};

/** The engine's events, capped (see MAX_TIMELINE_EVENTS); what was left out is counted. */
export type LabTimeline =
  | { kind: "health"; runs: HealthRunTimeline[] }
  | { kind: "shutdown"; events: ShutdownEvent[]; omittedEvents: number }
  | {
      kind: "rollout";
      events: RolloutEvent[];
      omittedEvents: number;
      samples: Sample[];
      omittedSamples: number;
      /** Optional so results stored before it still load. */
      bounds?: CapacityBounds;
    }
  | OpsTimeline;

export type LabSummary =
  | { kind: "health"; runs: Array<{ run: string; label: string; summary: HealthSummary }> }
  | { kind: "shutdown"; summary: ShutdownSummary }
  | { kind: "rollout"; summary: RolloutSummary }
  | OpsSummary;

export type LabResult = {
  labSlug: string;
  passed: boolean;
  checks: CheckResult[];
  /** One sentence for the top of the result panel. */
  headline: string;
  /** Null when nothing ran: the submission was invalid or the learner's code did not load. */
  summary: LabSummary | null;
  timeline: LabTimeline | null;
  /** Text labs: the commands typed, the alert's states or the query's values (text/result.ts). */
  text?: TextDetails;
  /**
   * Present only when an experiment was asked for (the browser's "Run my experiment"): what the
   * learner's code did in their own variation of the scenario. Never graded: `passed` and
   * `checks` above always come from the lab's own scenario.
   */
  experiment?: ExperimentOutcome;
};

export type ExperimentOutcome =
  | { ok: false; problems: Array<{ path: string; message: string }> }
  | {
      ok: true;
      /** The chapter examples the experiment matches, then the scenario in sentences. */
      description: string[];
      headline: string;
      /** The learner's code failed to load or crashed in the experiment (line in the detail). */
      codeError: CheckResult | null;
      summary: LabSummary | null;
      timeline: LabTimeline | null;
    };
