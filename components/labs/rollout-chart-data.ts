import type { CapacityBounds } from "@/lib/labs/result-types";
import type { RolloutEvent, Sample } from "@/lib/sim/rollout/types";
import {
  RULE_LANE,
  seconds,
  type AreaPoint,
  type ChartModel,
  type Lane,
  type Mark,
  type Tone,
} from "./chart-model";

const AREA_LANE = "replicas";
const EVENTS_LANE = "events";

/**
 * A rollout as a chart: ready replicas of the old and the new version stacked over time, the
 * capacity floor and surge ceiling the strategy promises, failed requests per second under it, and
 * the rollout's events (instances started, ready, unrouted, gone; the outcome as a rule).
 */
export function rolloutChart(
  events: readonly RolloutEvent[],
  samples: readonly Sample[],
  bounds: CapacityBounds,
): ChartModel {
  const points = areaPoints(samples);
  const endMs = Math.max(1_000, ...events.map((event) => event.at), ...samples.map((sample) => sample.t));
  const roles = new Map<string, "old" | "new">();
  const marks: Mark[] = [];
  events.forEach((event, index) => {
    if (event.type === "instance-started") roles.set(event.id, event.role);
    const role = "id" in event ? roles.get(event.id) : undefined;
    const mark = eventMark(event, role === "new" ? "new" : "old");
    if (mark) marks.push({ id: `e${index}`, atMs: event.at, events: [index], ...mark });
  });
  const maxReplicas = Math.max(
    1,
    bounds.ceiling ?? 0,
    ...points.map((point) => Math.max(point.pods, point.old + point.new)),
  );
  const maxFailed = Math.max(0, ...points.map((point) => point.failedPerSecond));
  const lanes: Lane[] = [
    { id: AREA_LANE, label: "Ready replicas", kind: "area" },
    { id: "failed", label: "Failed requests/s", kind: "bars" },
    { id: EVENTS_LANE, label: "Rollout events", kind: "marks" },
  ];
  const minReady = Math.min(...points.map((point) => point.old + point.new));
  return {
    summary:
      `ready replicas between ${Number.isFinite(minReady) ? minReady : 0} and ${maxReplicas}` +
      (bounds.floor !== null ? `, capacity floor ${bounds.floor}` : "") +
      (bounds.ceiling !== null ? `, surge ceiling ${bounds.ceiling}` : "") +
      `; at most ${maxFailed} failed requests per second`,
    endMs,
    lanes,
    marks,
    windows: [],
    area: {
      points,
      floor: bounds.floor,
      ceiling: bounds.ceiling,
      maxReplicas,
      maxFailedPerSecond: maxFailed,
    },
    table: sampleTable(points, bounds),
    notes: [],
  };
}

export function areaPoints(samples: readonly Sample[]): AreaPoint[] {
  return samples.map((sample, index) => {
    const previous = index === 0 ? 0 : samples[index - 1]!.t;
    const spanS = Math.max(1, sample.t - previous) / 1000;
    return {
      atMs: sample.t,
      old: sample.readyOld,
      new: sample.readyNew,
      pods: sample.instances,
      failedPerSecond: Number((sample.errors / spanS).toFixed(1)),
    };
  });
}

/** One row per change: a steady minute of 6 ready replicas is one row, not sixty. */
function sampleTable(points: readonly AreaPoint[], bounds: CapacityBounds) {
  const rows = points
    .filter((point, index) => {
      const before = points[index - 1];
      return (
        !before ||
        index === points.length - 1 ||
        before.old !== point.old ||
        before.new !== point.new ||
        before.pods !== point.pods ||
        before.failedPerSecond !== point.failedPerSecond
      );
    })
    .map((point) => [
      seconds(point.atMs),
      String(point.old),
      String(point.new),
      String(point.old + point.new),
      String(point.pods),
      String(point.failedPerSecond),
    ]);
  const limits = [
    bounds.floor !== null ? `capacity floor ${bounds.floor}` : null,
    bounds.ceiling !== null ? `surge ceiling ${bounds.ceiling}` : null,
  ].filter(Boolean);
  return {
    caption: `Ready replicas over time, one row per change${limits.length ? ` (${limits.join(", ")})` : ""}`,
    columns: ["Time", "Old ready", "New ready", "Total ready", "All Pods", "Failed requests/s"],
    rows,
  };
}

type Point = Pick<Mark, "lane" | "tone" | "glyph" | "label">;

function eventMark(event: RolloutEvent, role: "old" | "new"): Point | null {
  const at = (tone: Tone, glyph: Mark["glyph"], label: string): Point => ({
    lane: EVENTS_LANE,
    tone,
    glyph,
    label,
  });
  const rule = (tone: Tone, label: string): Point => ({ lane: RULE_LANE, tone, label });
  const who = "id" in event ? `${role} ${event.id}` : "";
  switch (event.type) {
    case "rollout-started":
      return rule("signal", `rollout starts (${event.strategy}, ${event.replicas} replicas)`);
    case "instance-started":
      return at(role, "start", `${event.label} ${event.id} started`);
    case "instance-ready":
      return at("ok", "in", `${who} ready: receives traffic`);
    case "instance-failed":
      return at("bad", "drop", `${who} failed, ${event.inFlightLost} requests lost`);
    case "instance-unrouted":
      return at("neutral", "out", `${who} no longer routed`);
    case "instance-killed":
      return at("bad", "drop", `${who} killed, ${event.inFlightLost} requests lost`);
    case "instance-gone":
      return at("neutral", "stop", `${who} gone, exit ${event.exitCode}`);
    case "task-failure-counted":
      return at("bad", "note", `${who} failure counted (${event.failures} of ${event.slots})`);
    case "smoke-test":
      return at(event.passed ? "ok" : "bad", "note", `smoke test ${event.passed ? "passed" : "failed"}`);
    case "rollout-completed":
      return rule("ok", "rollout completed");
    case "traffic-switched":
      return rule("signal", `traffic switched to ${event.to}`);
    case "phase-changed":
      return rule("signal", `canary phase ${event.phase}: ${event.weight}% of traffic`);
    case "update-paused":
      return rule("bad", `update paused: ${event.reason}`);
    case "rollback-started":
      return rule("bad", `rollback starts: ${event.reason}`);
    case "rolled-back":
      return rule("bad", "rolled back");
    case "deadline-exceeded":
      return rule("bad", "progress deadline exceeded");
    case "gate-failed":
      return rule("bad", `canary gate failed (${event.errors} of ${event.requests} failed)`);
    case "rollout-aborted":
      return rule("bad", `rollout aborted: ${event.reason}`);
    default:
      // running, available, terminating, SIGTERM, scaling, slot starts: in the narration only.
      return null;
  }
}
