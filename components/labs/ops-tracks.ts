import type { OpsTimeline } from "@/lib/labs/ops/results";
import { duration, megabytes } from "@/lib/labs/checks/logging";
import { narrateMemory } from "@/lib/sim/memory/narrate";
import type { Track } from "./timeline-data";

const words = (type: string) => type.replace(/-/g, " ");

/**
 * Event tracks of the resource-limits, logging and secrets labs for the shared timeline chart and
 * narration. The CPU lab has no discrete events (its story is the latency series); the secrets
 * lab shows its two starts' logs in its own section (ops-result.tsx).
 */
export function opsTracksOf(timeline: OpsTimeline): Track[] {
  switch (timeline.kind) {
    case "memory":
      return [
        {
          id: "memory",
          title: "Container",
          events: timeline.events.map((event) => ({
            atMs: event.at,
            lane:
              event.type === "die"
                ? event.oomKilled
                  ? "die (OOM killed)"
                  : `die (exit ${event.exitCode})`
                : words(event.type),
            text: narrateMemory(event),
          })),
          omittedEvents: timeline.omittedEvents,
          logs: [],
          omittedLogs: 0,
        },
      ];
    case "logging":
      // json-file without max-size never rotates: no events, so no empty timeline either.
      if (timeline.diskEvents.length === 0) return [];
      return [
        {
          id: "log-files",
          title: "Log files",
          events: timeline.diskEvents.map((event) => ({
            atMs: event.at,
            lane: event.type === "rotated" ? "rotated" : "disk full",
            text:
              event.type === "rotated"
                ? `After ${duration(event.at)} the log file reaches ${megabytes(event.fileBytes)} and is rotated${event.removedBytes ? `; the oldest file (${megabytes(event.removedBytes)}) is deleted` : ""}.`
                : `After ${duration(event.at)} the disk is full (${megabytes(event.diskBytes)}): new lines are lost.`,
          })),
          omittedEvents: timeline.omittedDiskEvents,
          logs: [],
          omittedLogs: 0,
        },
      ];
    case "cpu":
    case "secrets":
      return [];
  }
}
