import type { LabLog, LabTimeline } from "@/lib/labs/result-types";
import { narrate as narrateHealth } from "@/lib/sim/healthcheck/narrate";
import { narrate as narrateRollout } from "@/lib/sim/rollout/narrate";
import { narrate as narrateShutdown } from "@/lib/sim/shutdown/narrate";
import { axisTicks, type ChartModel } from "./chart-model";
import { healthChart } from "./health-chart-data";
import { opsTracksOf } from "./ops-tracks";
import { rolloutChart } from "./rollout-chart-data";
import { shutdownChart } from "./shutdown-chart-data";

/** One narration line: when, and the engine's own sentence. */
export type TrackEvent = { atMs: number; text: string };

/** One run's timeline ready to draw: a health lab with several runs has several tracks. */
export type Track = {
  id: string;
  title: string;
  /** The narration, in the engine's order: chart marks point into it by index. */
  events: TrackEvent[];
  chart: ChartModel;
  omittedEvents: number;
  logs: LabLog[];
  omittedLogs: number;
};

export function tracksOf(timeline: LabTimeline): Track[] {
  switch (timeline.kind) {
    case "health":
      return timeline.runs.map((run) => ({
        id: run.run,
        title: run.label,
        events: run.events.map((event) => ({ atMs: event.atMs, text: narrateHealth(event) })),
        chart: healthChart(run.events, run.windows ?? [], run.durationMs ?? 0),
        omittedEvents: run.omittedEvents,
        logs: run.logs,
        omittedLogs: run.omittedLogs,
      }));
    case "shutdown":
      return [
        {
          id: "shutdown",
          title: "Shutdown",
          events: timeline.events.map((event) => ({ atMs: event.t, text: narrateShutdown(event) })),
          chart: shutdownChart(timeline.events),
          omittedEvents: timeline.omittedEvents,
          logs: timeline.events.flatMap((event) =>
            event.type === "app-log"
              ? [{ level: "log" as const, line: null, message: event.message, atMs: event.t }]
              : [],
          ),
          omittedLogs: 0,
        },
      ];
    case "rollout":
      return [
        {
          id: "rollout",
          title: "Rollout",
          events: timeline.events.map((event) => ({ atMs: event.at, text: narrateRollout(event) })),
          chart: rolloutChart(
            timeline.events,
            timeline.samples,
            timeline.bounds ?? { floor: null, ceiling: null },
          ),
          omittedEvents: timeline.omittedEvents,
          logs: [],
          omittedLogs: 0,
        },
      ];
    default:
      return opsTracksOf(timeline);
  }
}

/** A tick step that gives about six ticks: 1, 2, 5 × 10ⁿ seconds. */
export function tickStepMs(durationMs: number): number {
  return axisTicks({ endMs: durationMs }).step;
}
