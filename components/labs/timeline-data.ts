import type { LabLog, LabTimeline } from "@/lib/labs/result-types";
import { narrate as narrateHealth } from "@/lib/sim/healthcheck/narrate";
import type { TimelineEvent as HealthEvent } from "@/lib/sim/healthcheck/types";
import { narrate as narrateRollout } from "@/lib/sim/rollout/narrate";
import type { RolloutEvent } from "@/lib/sim/rollout/types";
import { narrate as narrateShutdown } from "@/lib/sim/shutdown/narrate";
import { opsTracksOf } from "./ops-tracks";
import type { ShutdownEvent } from "@/lib/sim/shutdown/types";

/** One event on a common footing: when, which marker lane, and the engine's own sentence. */
export type TrackEvent = { atMs: number; lane: string | null; text: string };

/** One run's timeline ready to draw: a health lab with several runs has several tracks. */
export type Track = {
  id: string;
  title: string;
  events: TrackEvent[];
  omittedEvents: number;
  logs: LabLog[];
  omittedLogs: number;
};

const words = (type: string) => type.replace(/-/g, " ");

function healthLane(event: HealthEvent): string | null {
  switch (event.type) {
    case "probe-start":
      return null; // the probe's end carries the outcome; the start is in the narration
    case "probe-end":
      return event.timedOut ? "probe timed out" : event.success ? "probe passed" : "probe failed";
    case "status-change":
      return `status: ${event.to}`;
    default:
      return words(event.type);
  }
}

function shutdownLane(event: ShutdownEvent): string {
  if (event.type === "app-log") return "console output";
  return words(event.type);
}

export function tracksOf(timeline: LabTimeline): Track[] {
  switch (timeline.kind) {
    case "health":
      return timeline.runs.map((run) => ({
        id: run.run,
        title: run.label,
        events: run.events.map((event) => ({
          atMs: event.atMs,
          lane: healthLane(event),
          text: narrateHealth(event),
        })),
        omittedEvents: run.omittedEvents,
        logs: run.logs,
        omittedLogs: run.omittedLogs,
      }));
    case "shutdown":
      return [
        {
          id: "shutdown",
          title: "Shutdown",
          events: timeline.events.map((event) => ({
            atMs: event.t,
            lane: shutdownLane(event),
            text: narrateShutdown(event),
          })),
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
          events: timeline.events.map((event: RolloutEvent) => ({
            atMs: event.at,
            lane: words(event.type),
            text: narrateRollout(event),
          })),
          omittedEvents: timeline.omittedEvents,
          logs: [],
          omittedLogs: 0,
        },
      ];
    default:
      return opsTracksOf(timeline);
  }
}

export const MAX_LANES = 9;
export const OTHER_LANE = "other events";

/**
 * Lanes for the chart: the rarest event types get their own lane (they are the turning points:
 * a signal, an exit, a status change); frequent ones beyond MAX_LANES share "other events".
 * Returned in order of first appearance.
 */
export function lanesOf(events: readonly TrackEvent[]): {
  lanes: string[];
  laneOf: (lane: string) => string;
} {
  const counts = new Map<string, number>();
  const first = new Map<string, number>();
  events.forEach((event, index) => {
    if (event.lane === null) return;
    counts.set(event.lane, (counts.get(event.lane) ?? 0) + 1);
    if (!first.has(event.lane)) first.set(event.lane, index);
  });
  const all = [...counts.keys()];
  const kept =
    all.length <= MAX_LANES
      ? new Set(all)
      : new Set([...all].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0)).slice(0, MAX_LANES - 1));
  const lanes = all
    .filter((lane) => kept.has(lane))
    .sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0));
  if (kept.size < all.length) lanes.push(OTHER_LANE);
  return { lanes, laneOf: (lane) => (kept.has(lane) ? lane : OTHER_LANE) };
}

/** A tick step that gives about six ticks: 1, 2, 5 × 10ⁿ seconds. */
export function tickStepMs(durationMs: number): number {
  const rough = Math.max(1, durationMs / 6);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return step;
}
