/**
 * The Docker health state machine as pure functions (moby daemon/health.go handleProbeResult and
 * monitor; fact sheet §1.4–1.5, §1.7).
 */
import type { ResolvedHealthcheck } from "./options";
import type { HealthLogEntry, HealthState, HealthStatus } from "./types";

/** Docker keeps the last 5 results in State.Health.Log. */
export const MAX_LOG_ENTRIES = 5;

export const INITIAL_HEALTH: HealthState = { status: "starting", failingStreak: 0, log: [] };

/** Every container start or restart: back to `starting`, streak 0; the log is kept. */
export function resetForStart(state: HealthState): HealthState {
  return { ...state, status: "starting", failingStreak: 0 };
}

/**
 * Records one finished probe. A success makes the container healthy at once, even inside the
 * start period. A failure is not counted while the status is still `starting` and the probe
 * started less than start-period after the container did; otherwise the streak grows and
 * reaching `retries` makes the container unhealthy.
 */
export function recordProbeResult(
  state: HealthState,
  entry: HealthLogEntry,
  rules: { containerStartedAtMs: number; startPeriodMs: number; retries: number },
): { state: HealthState; counted: boolean } {
  const log = [...state.log.slice(-(MAX_LOG_ENTRIES - 1)), entry];
  if (entry.exitCode === 0) return { state: { status: "healthy", failingStreak: 0, log }, counted: true };

  const inStartPeriod =
    state.status === "starting" && entry.startMs - rules.containerStartedAtMs < rules.startPeriodMs;
  if (inStartPeriod) return { state: { ...state, log }, counted: false };

  const failingStreak = state.failingStreak + 1;
  const status: HealthStatus = failingStreak >= rules.retries ? "unhealthy" : state.status;
  return { state: { status, failingStreak, log }, counted: true };
}

/**
 * The gap before the next probe, measured from when the previous one completed (or from the
 * container start for the first). Inside the start period a container still `starting` is probed
 * every start-interval; otherwise every interval.
 */
export function nextProbeGapMs(
  healthcheck: ResolvedHealthcheck,
  now: { sinceStartMs: number; status: HealthStatus },
): number {
  const insideStartPeriod = now.sinceStartMs < healthcheck.startPeriodMs;
  return insideStartPeriod && now.status === "starting"
    ? healthcheck.startIntervalMs
    : healthcheck.intervalMs;
}
