import type { RolloutResult } from "@/lib/sim/rollout";
import type { ShutdownResult } from "@/lib/sim/shutdown";
import type { LabSummary, LabTimeline } from "./result-types";
import { capacityBounds, type HealthChartContext } from "./chart-context";
import type { HealthRun } from "./runners/health-code";

/**
 * A result goes to the browser and may be stored: its timeline is bounded. The earliest events
 * are kept (the story starts there) and the rest counted, so the UI can say what it left out.
 */
export const MAX_TIMELINE_EVENTS = 5_000;
export const MAX_SAMPLES = 5_000;
export const MAX_LOG_LINES = 200;

export function capList<T>(items: readonly T[], max: number): { items: T[]; omitted: number } {
  return { items: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}

export function healthTimeline(
  runs: readonly HealthRun[],
  context: ReadonlyMap<string, HealthChartContext> = new Map(),
): { timeline: LabTimeline; summary: LabSummary } {
  // Several runs share the budget so the whole result stays bounded.
  const perRun = Math.floor(MAX_TIMELINE_EVENTS / Math.max(1, runs.length));
  return {
    timeline: {
      kind: "health",
      runs: runs.map((run) => {
        const events = capList(run.timeline.events, perRun);
        const logs = capList(run.logs, MAX_LOG_LINES);
        return {
          run: run.id,
          label: run.label,
          events: events.items,
          omittedEvents: events.omitted,
          ...context.get(run.id),
          logs: logs.items,
          omittedLogs: logs.omitted,
        };
      }),
    },
    summary: {
      kind: "health",
      runs: runs.map((run) => ({ run: run.id, label: run.label, summary: run.timeline.summary })),
    },
  };
}

export function shutdownTimeline(result: ShutdownResult): { timeline: LabTimeline; summary: LabSummary } {
  const events = capList(result.events, MAX_TIMELINE_EVENTS);
  return {
    timeline: { kind: "shutdown", events: events.items, omittedEvents: events.omitted },
    summary: { kind: "shutdown", summary: result.summary },
  };
}

export function rolloutTimeline(result: RolloutResult): { timeline: LabTimeline; summary: LabSummary } {
  const events = capList(result.events, MAX_TIMELINE_EVENTS);
  const samples = capList(result.samples, MAX_SAMPLES);
  return {
    timeline: {
      kind: "rollout",
      events: events.items,
      omittedEvents: events.omitted,
      samples: samples.items,
      omittedSamples: samples.omitted,
      bounds: capacityBounds(result.scenario),
    },
    summary: { kind: "rollout", summary: result.summary },
  };
}
