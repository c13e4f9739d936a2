import type { ProbeResult } from "./types";

/** Docker keeps at most this many bytes of a probe's output (moby daemon/health.go maxOutputLen). */
export const MAX_OUTPUT_BYTES = 4096;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A probe result after the timeout and the output cap have been applied. */
export type ProbeOutcome = { durationMs: number; exitCode: number; output: string; timedOut: boolean };

/**
 * Applies the timeout to what the program answered. A probe that has not finished when the
 * timeout fires (duration ≥ timeout) is killed: exit −1 and Docker's "exceeded timeout" message,
 * followed by whatever output the probe had written.
 */
export function applyTimeout(result: ProbeResult, timeoutMs: number): ProbeOutcome {
  assertValidResult(result);
  const output = capOutput(result.output ?? "");
  if (result.durationMs >= timeoutMs) {
    const message = `Health check exceeded timeout (${formatGoDuration(timeoutMs)})`;
    return {
      durationMs: timeoutMs,
      exitCode: -1,
      output: output === "" ? message : `${message}: ${output}`,
      timedOut: true,
    };
  }
  return { durationMs: Math.round(result.durationMs), exitCode: result.exitCode, output, timedOut: false };
}

/**
 * Keeps the first 4096 bytes of UTF-8 and marks the cut with "..." as Docker does. A multi-byte
 * character cut in half decodes to U+FFFD, as Go's JSON encoding does with the invalid bytes.
 */
export function capOutput(output: string): string {
  // A UTF-16 code unit never needs more than 3 UTF-8 bytes, so most outputs need no encoding at all.
  if (output.length * 3 <= MAX_OUTPUT_BYTES) return output;
  const bytes = encoder.encode(output);
  if (bytes.length <= MAX_OUTPUT_BYTES) return output;
  return `${decoder.decode(bytes.subarray(0, MAX_OUTPUT_BYTES))}...`;
}

/** Go's time.Duration.String() for whole milliseconds: "500ms", "3s", "1.5s", "1m30s", "1h0m0s". */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const prefix = hours > 0 ? `${hours}h${minutes}m` : minutes > 0 ? `${minutes}m` : "";
  return `${prefix}${seconds}s`;
}

// Programs may come from learner code through a sandbox; garbage must fail loudly, not skew a timeline.
function assertValidResult(result: ProbeResult) {
  if (!Number.isInteger(result.exitCode))
    throw new RangeError(`exitCode must be an integer, got ${result.exitCode}`);
  if (Number.isNaN(result.durationMs) || result.durationMs < 0)
    throw new RangeError(`durationMs must be ≥ 0 or Infinity, got ${result.durationMs}`);
  if (result.output !== undefined && typeof result.output !== "string")
    throw new TypeError("output must be a string when given");
}
