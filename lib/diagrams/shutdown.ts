/**
 * What happens to a replica's in-flight requests after SIGTERM, computed from the shutdown
 * settings the lesson teaches (grace period, drain delay, force-exit timer), as lanes to draw.
 */
import type { Lane, LaneGroup } from "./timeline";

export type ShutdownSetup = {
  title: string;
  /** Seconds until the platform sends SIGKILL. */
  graceS: number;
  /** null: no SIGTERM handler (Node as PID 1 ignores the signal). */
  handler: { drainDelayS: number; forceExitS: number } | null;
  /** Remaining work per in-flight request, by name. */
  requests: Array<{ name: string; needsS: number }>;
};

export type ShutdownOutcome = { endS: number; exitCode: number; endedBy: "app" | "SIGKILL" };

export function shutdownOutcome(setup: ShutdownSetup): ShutdownOutcome {
  const longest = Math.max(0, ...setup.requests.map((r) => r.needsS));
  if (!setup.handler) return { endS: setup.graceS, exitCode: 137, endedBy: "SIGKILL" };
  const { forceExitS } = setup.handler;
  if (forceExitS >= setup.graceS && longest >= setup.graceS) return { endS: setup.graceS, exitCode: 137, endedBy: "SIGKILL" };
  if (longest >= forceExitS) return { endS: forceExitS, exitCode: 1, endedBy: "app" };
  return { endS: longest, exitCode: 0, endedBy: "app" };
}

export function shutdownLanes(setup: ShutdownSetup): LaneGroup {
  const outcome = shutdownOutcome(setup);
  const end = outcome.endS;
  const app: Lane = setup.handler
    ? {
        label: "orders-api",
        spans: [
          { from: 0, to: Math.min(setup.handler.drainDelayS, end), label: "readiness 503", tone: "warning" },
          { from: setup.handler.drainDelayS, to: end, label: "listener closed", tone: "accent" },
        ].filter((s) => s.to > s.from) as Lane["spans"],
        instants: [],
      }
    : { label: "orders-api", spans: [{ from: 0, to: end, label: "SIGTERM ignored, still accepting", tone: "neutral" }], instants: [] };
  app.instants.push({ at: 0, label: "SIGTERM", tone: "warning" });
  app.instants.push(
    outcome.endedBy === "SIGKILL"
      ? { at: end, label: `SIGKILL · ${outcome.exitCode}`, tone: "danger" }
      : { at: end, label: `exit ${outcome.exitCode}`, tone: outcome.exitCode === 0 ? "success" : "danger" },
  );
  const requests: Lane[] = setup.requests.map((r) => {
    const done = r.needsS < end || (outcome.exitCode === 0 && r.needsS <= end);
    return {
      label: `Request ${r.name} (needs ${r.needsS} s)`,
      spans: [{ from: 0, to: done ? r.needsS : end, label: done ? "completes" : `cut at ${end} s`, tone: done ? "success" : "danger" }],
      instants: [],
    };
  });
  return { title: setup.title, lanes: [app, ...requests] };
}

const REQUESTS = [
  { name: "A", needsS: 2 },
  { name: "B", needsS: 4 },
  { name: "C", needsS: 12 },
];

/** Rows five and one of the lesson's worked timeline: the right way first. */
export const SHUTDOWN_SETUPS: ShutdownSetup[] = [
  { title: "Draining handler, stop_grace_period: 30s", graceS: 30, handler: { drainDelayS: 5, forceExitS: 25 }, requests: REQUESTS },
  { title: "No handler, default 10 s grace", graceS: 10, handler: null, requests: REQUESTS },
];
