import type { OpsTimeline } from "@/lib/labs/ops/results";
import { duration, megabytes } from "@/lib/labs/checks/logging";
import type { MemoryEvent } from "@/lib/sim/memory/types";
import { narrateMemory } from "@/lib/sim/memory/narrate";
import { whenOf, type ChartModel, type Glyph, type Mark, type Tone } from "./chart-model";
import type { Track } from "./timeline-data";

/** How each container event is drawn in the shared visual language (visual-language.ts). */
function memoryMark(event: MemoryEvent): { lane: string; glyph: Glyph; tone: Tone; label: string } {
  switch (event.type) {
    case "start":
      return event.restartCount === 0
        ? { lane: "container", glyph: "start", tone: "starting", label: "started" }
        : { lane: "container", glyph: "restart", tone: "starting", label: `restarted (${event.restartCount})` };
    case "swap-started":
      return { lane: "memory", glyph: "note", tone: "slow", label: "began swapping" };
    case "heap-limit":
      return { lane: "memory", glyph: "drop", tone: "bad", label: "V8 heap limit reached" };
    case "oom":
      return { lane: "memory", glyph: "drop", tone: "bad", label: "kernel OOM kill" };
    case "die":
      return {
        lane: "container",
        glyph: "exit",
        tone: event.exitCode === 0 ? "ok" : "bad",
        label: event.oomKilled ? "died: OOM killed (137)" : `died: exit ${event.exitCode}`,
      };
    case "restart-scheduled":
      return { lane: "container", glyph: "note", tone: "neutral", label: `restart in ${duration(event.delayMs)}` };
    case "not-restarted":
      return { lane: "container", glyph: "stop", tone: "bad", label: `not restarted (${event.policy})` };
  }
}

function modelOf(
  summary: string,
  lanes: ChartModel["lanes"],
  marks: Mark[],
  texts: string[],
  endMs: number,
): ChartModel {
  // A lane with nothing on it (no memory limit ever reached) is left out rather than drawn empty.
  const used = lanes.filter((lane, index) => index === 0 || marks.some((mark) => mark.lane === lane.id));
  return {
    summary,
    endMs: Math.max(endMs, ...marks.map((mark) => mark.atMs), 1),
    lanes: used,
    marks,
    windows: [],
    area: null,
    table: {
      caption: summary,
      columns: ["When", "Lane", "What", "Narration"],
      rows: marks.map((mark) => [
        whenOf(mark),
        lanes.find((lane) => lane.id === mark.lane)?.label ?? mark.lane,
        mark.label,
        texts[mark.events[0]!] ?? "",
      ]),
    },
    notes: [],
  };
}

/**
 * Event tracks of the resource-limits and logging labs for the shared timeline chart and narration.
 * The CPU lab has no discrete events (its story is the latency series); the secrets lab shows its
 * two starts' logs in its own section (ops-result.tsx).
 */
export function opsTracksOf(timeline: OpsTimeline): Track[] {
  switch (timeline.kind) {
    case "memory": {
      const texts = timeline.events.map((event) => narrateMemory(event));
      const marks = timeline.events.map((event, index): Mark => ({
        id: `memory-${index}`,
        atMs: event.at,
        events: [index],
        ...memoryMark(event),
      }));
      // Like the memory chart, the timeline ends with the last moment the container ran (or its last event).
      const endMs = timeline.samples.findLast((sample) => sample.running)?.t ?? 0;
      return [
        {
          id: "memory",
          title: "Container",
          events: timeline.events.map((event, index) => ({ atMs: event.at, text: texts[index]! })),
          chart: modelOf(
            "The container's life: starts, memory limits reached, deaths and restarts",
            [
              { id: "container", label: "Container", kind: "marks" },
              { id: "memory", label: "Memory", kind: "marks" },
            ],
            marks,
            texts,
            endMs,
          ),
          omittedEvents: timeline.omittedEvents,
          logs: [],
          omittedLogs: 0,
        },
      ];
    }
    case "logging": {
      // json-file without max-size never rotates: no events, so no empty timeline either.
      if (timeline.diskEvents.length === 0) return [];
      const texts = timeline.diskEvents.map((event) =>
        event.type === "rotated"
          ? `After ${duration(event.at)} the log file reaches ${megabytes(event.fileBytes)} and is rotated${event.removedBytes ? `; the oldest file (${megabytes(event.removedBytes)}) is deleted` : ""}.`
          : `After ${duration(event.at)} the disk is full (${megabytes(event.diskBytes)}): new lines are lost.`,
      );
      const marks = timeline.diskEvents.map(
        (event, index): Mark => ({
          id: `log-${index}`,
          lane: "files",
          atMs: event.at,
          events: [index],
          ...(event.type === "rotated"
            ? { glyph: "replace" as const, tone: "neutral" as const, label: "rotated" }
            : { glyph: "drop" as const, tone: "bad" as const, label: "disk full" }),
        }),
      );
      const endMs = timeline.diskSamples.at(-1)?.t ?? 0;
      return [
        {
          id: "log-files",
          title: "Log files",
          events: timeline.diskEvents.map((event, index) => ({ atMs: event.at, text: texts[index]! })),
          chart: modelOf(
            "Log file rotations and a full disk over time",
            [{ id: "files", label: "Log files", kind: "marks" }],
            marks,
            texts,
            endMs,
          ),
          omittedEvents: timeline.omittedDiskEvents,
          logs: [],
          omittedLogs: 0,
        },
      ];
    }
    case "cpu":
    case "secrets":
      return [];
  }
}
