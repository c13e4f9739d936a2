/**
 * Built-in probe programs for scenarios. A base program describes a healthy app; wrappers add one
 * fault each and can be nested: `hangsFrom(64_000, healthyAfterBoot(8_000))`.
 * Faults are placed on the wall clock (`nowMs`, the default: an outage outside the container) or on
 * the container's uptime (`sinceStartMs`: a bug that comes back after every restart).
 */
import type { ProbeContext, ProbeProgram, ProbeResult } from "./types";

export type FaultClock = "wall" | "uptime";

const timeOn = (clock: FaultClock, context: ProbeContext) =>
  clock === "wall" ? context.nowMs : context.sinceStartMs;

/** Answers every probe with exit 0 after `responseMs`. */
export function alwaysHealthy(responseMs = 0): ProbeProgram {
  return () => ({ exitCode: 0, durationMs: responseMs, output: "OK" });
}

/** Fails every probe at once with `exitCode`. */
export function alwaysFailing(exitCode = 1, output = "HTTP 500"): ProbeProgram {
  return () => ({ exitCode, durationMs: 0, output });
}

/** Connection refused until the app listens, `bootMs` after each container start; then healthy. */
export function healthyAfterBoot(bootMs: number, options: { responseMs?: number } = {}): ProbeProgram {
  const responseMs = options.responseMs ?? 0;
  return (context) =>
    context.sinceStartMs < bootMs
      ? { exitCode: 1, durationMs: 0, output: "curl: (7) Failed to connect: Connection refused" }
      : { exitCode: 0, durationMs: responseMs, output: "OK" };
}

/** From `atMs` on, probes never answer (a deadlock or a blocked event loop); the timeout ends them. */
export function hangsFrom(atMs: number, base: ProbeProgram, clock: FaultClock = "wall"): ProbeProgram {
  return (context) =>
    timeOn(clock, context) >= atMs ? { exitCode: 0, durationMs: Infinity } : base(context);
}

/** Probes started in [fromMs, untilMs) fail at once (a dependency outage). */
export function failsBetween(
  fromMs: number,
  untilMs: number,
  base: ProbeProgram,
  options: { exitCode?: number; clock?: FaultClock } = {},
): ProbeProgram {
  return (context) => {
    const time = timeOn(options.clock ?? "wall", context);
    if (time < fromMs || time >= untilMs) return base(context);
    return { exitCode: options.exitCode ?? 1, durationMs: 0, output: "HTTP 503 Service Unavailable" };
  };
}

/** Every answer takes `delayMs` longer (a slow dependency); the timeout may turn it into a failure. */
export function slowResponses(delayMs: number, base: ProbeProgram): ProbeProgram {
  return (context): ProbeResult => {
    const result = base(context);
    return { ...result, durationMs: result.durationMs + delayMs };
  };
}

/** Alternates on the wall clock: healthy for `periodMs`, failing for `periodMs`, and so on. */
export function flapping(periodMs: number, base: ProbeProgram): ProbeProgram {
  if (!(periodMs > 0)) throw new RangeError("periodMs must be > 0");
  return (context) =>
    Math.floor(context.nowMs / periodMs) % 2 === 1
      ? { exitCode: 1, durationMs: 0, output: "HTTP 503 Service Unavailable" }
      : base(context);
}

/** Answers probe n with `results[n − 1]` (per container), then with `after` (default: healthy). */
export function scripted(
  results: readonly ProbeResult[],
  after: ProbeProgram = alwaysHealthy(),
): ProbeProgram {
  return (context) => results[context.probeNumber - 1] ?? after(context);
}
