import type { ContainerLifecycle } from "@/lib/labs/text/result";
import { clockTime, RULE_LANE, whenOf, type ChartModel, type Lane, type Mark } from "./chart-model";
import type { Track } from "./timeline-data";

// Starts and deaths on lanes of their own: a restart 0.1 s after a death would hide under it.
const LANES: Lane[] = [
  { id: "state", label: "State", kind: "band" },
  { id: "container", label: "Starts", kind: "marks" },
  { id: "exit", label: "Exits", kind: "marks" },
  { id: "memory", label: "Memory (kernel)", kind: "marks" },
];

const SIGNALS: Record<number, string> = { 137: "SIGKILL", 143: "SIGTERM", 134: "SIGABRT" };

/** "0.1 s", "12 s", "11:03": a gap between two events in words. */
function gap(ms: number): string {
  return ms < 60_000 ? `${Number((ms / 1000).toFixed(1))} s` : clockTime(ms);
}

/**
 * The incident container's life in the shared visual language, from its docker events: a state
 * band (running, restarting, exited), starts and restarts and deaths with their exit codes on the
 * container lane, the kernel's OOM kills on the memory lane, and "now" (when the learner logged
 * in) as a rule. The loop is the point: the same three marks, again and again.
 */
export function incidentTrack(life: ContainerLifecycle): Track {
  const lines: Array<{ atMs: number; text: string; mark: string }> = [];
  const marks: Mark[] = [];
  const spans: Mark[] = [];
  let restarts = 0;
  let lastDie: number | null = null;
  let runningSince: number | null = null;
  const limit = life.memoryMb === null ? "its memory limit" : `--memory ${life.memoryMb}m`;
  const add = (mark: Omit<Mark, "events">, text: string) => {
    marks.push({ ...mark, events: [] });
    lines.push({ atMs: mark.atMs, text, mark: mark.id });
  };
  life.events.forEach((event, index) => {
    const id = `event-${index}`;
    if (event.action === "start") {
      if (lastDie !== null)
        spans.push({
          id: `restarting-${index}`,
          lane: "state",
          atMs: lastDie,
          toMs: event.atMs,
          tone: "starting",
          label: `restarting (${gap(event.atMs - lastDie)})`,
          events: [],
        });
      const first = restarts === 0 && lastDie === null && index === 0;
      if (!first) restarts++;
      add(
        {
          id,
          lane: "container",
          atMs: event.atMs,
          tone: "starting",
          glyph: first ? "start" : "restart",
          label: first ? "started" : `restarted (${restarts})`,
        },
        first
          ? `start: ${life.container} starts with --restart ${life.restartPolicy}${life.memoryMb === null ? "" : ` and --memory ${life.memoryMb}m`}.`
          : `start: ${lastDie === null ? "it starts again" : `${gap(event.atMs - lastDie)} after dying, --restart ${life.restartPolicy} starts it again`} (restart ${restarts}). Its memory starts from the bottom and grows again.`,
      );
      runningSince = event.atMs;
      lastDie = null;
    } else if (event.action === "oom") {
      add(
        { id, lane: "memory", atMs: event.atMs, tone: "bad", glyph: "drop", label: "kernel OOM kill" },
        `oom: the container's memory reached ${limit} and the kernel's OOM killer killed the process.`,
      );
    } else if (event.action === "die") {
      const code = event.exitCode ?? 0;
      if (runningSince !== null)
        spans.push({
          id: `running-${index}`,
          lane: "state",
          atMs: runningSince,
          toMs: event.atMs,
          tone: "neutral",
          label: `running for ${gap(event.atMs - runningSince)}`,
          events: [],
        });
      runningSince = null;
      lastDie = event.atMs;
      const signal = code > 128 ? SIGNALS[code] : undefined;
      add(
        {
          id,
          lane: "exit",
          atMs: event.atMs,
          tone: code === 0 ? "ok" : "bad",
          glyph: "exit",
          label: `died: exit ${code}`,
        },
        `die, exitCode=${code}${signal ? `: killed by ${signal} (128 + ${code - 128})` : code === 0 ? ": it exited by itself" : ""}.`,
      );
    } else {
      add(
        { id, lane: "container", atMs: event.atMs, tone: "neutral", glyph: "note", label: event.action },
        `${event.action}.`,
      );
    }
  });
  if (runningSince !== null)
    spans.push({
      id: "running-now",
      lane: "state",
      atMs: runningSince,
      toMs: life.nowMs,
      tone: "neutral",
      label: `running for ${gap(life.nowMs - runningSince)} when you logged in`,
      events: [],
    });
  else if (lastDie !== null)
    spans.push({
      id: "down-now",
      lane: "state",
      atMs: lastDie,
      toMs: life.nowMs,
      tone: "bad",
      label: "not running when you logged in",
      events: [],
    });

  const kills = life.events.filter((event) => event.action === "oom").length;
  const deaths = life.events.filter((event) => event.action === "die");
  const period = deaths.length > 1 ? (deaths.at(-1)!.atMs - deaths[0]!.atMs) / (deaths.length - 1) : null;
  add(
    { id: "now", lane: RULE_LANE, atMs: life.nowMs, tone: "signal", label: "you log in" },
    `You log in. ${deaths.length} deaths${kills ? `, ${kills} of them OOM kills,` : ""} and ${restarts} restarts so far${period === null ? "" : `: one every ${gap(period)} on average`}.`,
  );

  // Events before spans at the same moment, so the keyboard steps oom → die → restarting → restart.
  const ordered = lines
    .map((line, index) => ({ ...line, index }))
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const allMarks = [...marks, ...spans];
  ordered.forEach((line, index) => {
    allMarks.find((mark) => mark.id === line.mark)?.events.push(index);
  });
  // A span tells the narration line of the event that began it.
  for (const span of spans) {
    const starter = ordered.findIndex((line) => line.atMs === span.atMs);
    if (starter >= 0) span.events.push(starter);
  }
  const laneName = new Map(LANES.map((lane) => [lane.id, lane.label]));
  const summary = `${life.container} from its first start to when you logged in: ${restarts} restarts${kills ? `, ${kills} OOM kills` : ""}`;
  const notes: string[] = [];
  const quick = spans.filter((span) => span.label.startsWith("restarting") && span.toMs! - span.atMs < 1_000);
  if (quick.length)
    notes.push(
      `Each restart came within a second of the death before it: too quick to see at this scale. The back-off never grew, because every run lasted well over 10 seconds.`,
    );
  if (life.omittedEvents > 0) notes.push(`${life.omittedEvents} earlier events are not drawn.`);

  const chart: ChartModel = {
    summary,
    endMs: Math.max(1, life.nowMs),
    lanes: LANES,
    marks: allMarks,
    windows: [],
    area: null,
    timeAxis: "clock",
    table: {
      caption: summary,
      columns: ["When", "Lane", "What", "Narration"],
      rows: [...allMarks]
        .sort((a, b) => a.atMs - b.atMs)
        .map((mark) => [
          whenOf(mark, "clock"),
          mark.lane === RULE_LANE ? "Whole chart" : (laneName.get(mark.lane) ?? mark.lane),
          mark.label,
          mark.toMs === undefined ? (ordered[mark.events[0]!]?.text ?? "") : "",
        ]),
    },
    notes,
  };
  return {
    id: "incident",
    title: life.container,
    events: ordered.map((line) => ({ atMs: line.atMs, text: `${clockTime(line.atMs)} — ${line.text}` })),
    chart,
    omittedEvents: life.omittedEvents,
    logs: [],
    omittedLogs: 0,
  };
}
