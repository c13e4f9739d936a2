import type { DeliveryResult, LogFilesResult } from "@/lib/sim/logging";
import type { LoggingCheck } from "../check-schema";
import { describeCheck, seconds } from "../check-labels";
import type { CheckResult } from "../result-types";

/** "7 days", "16.3 hours": log retention as people say it. */
export function duration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48) return `${Number((hours / 24).toFixed(1))} days`;
  if (hours >= 1) return `${Number(hours.toFixed(1))} hours`;
  return seconds(ms);
}

/** Decimal megabytes, as `df -H` and Docker's max-size count them. */
export const megabytes = (bytes: number) => `${Number((bytes / 1_000_000).toFixed(1))} MB`;

export function loggingCheckLabel(check: LoggingCheck): string {
  switch (check.type) {
    case "logs-retained":
      return `docker logs still reaches back ${duration(check.atLeastMs)}`;
    case "log-disk-at-most":
      return `The log files never take more than ${megabytes(check.bytes)} of disk`;
    case "no-write-stall":
      return "The app never waits on a log write (no stalled requests)";
    case "dropped-lines-at-most":
      return check.lines === 0 ? "No log line dropped" : `At most ${check.lines} log lines dropped`;
  }
}

export function judgeLoggingCheck(
  check: LoggingCheck,
  files: LogFilesResult,
  delivery: DeliveryResult,
): CheckResult {
  const label = describeCheck(check);
  const disk = files.summary;
  const sent = delivery.summary;
  switch (check.type) {
    case "logs-retained":
      return {
        label,
        passed: disk.retainedMs >= check.atLeastMs,
        detail: `After ${duration(disk.endMs)} the oldest line on disk is ${duration(disk.retainedMs)} old (${disk.files} file${disk.files === 1 ? "" : "s"}, ${disk.rotations} rotations).`,
      };
    case "log-disk-at-most":
      return {
        label,
        passed: disk.peakDiskBytes <= check.bytes && disk.linesLostDiskFull === 0,
        detail: `At most ${megabytes(disk.peakDiskBytes)} on disk${disk.linesLostDiskFull ? `, and ${disk.linesLostDiskFull} lines lost to a full disk` : ""}.`,
      };
    case "no-write-stall":
      return {
        label,
        passed: sent.stalledMs === 0,
        detail: sent.stalledMs
          ? `${sent.stalledWrites} writes waited, ${seconds(Math.round(sent.stalledMs))} in all (the longest ${seconds(Math.round(sent.maxStallMs))}); while stdout is blocked, Node serves no request.`
          : "No write ever waited.",
      };
    case "dropped-lines-at-most":
      return {
        label,
        passed: sent.dropped <= check.lines,
        detail:
          delivery.scenario.mode === "blocking"
            ? "Blocking mode never drops a line: the app waits instead."
            : `${sent.dropped} of ${sent.intended} lines dropped (a ${megabytes(sent.bufferBytes)} buffer).`,
      };
  }
}
