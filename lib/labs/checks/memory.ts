import type { CpuResult, MemoryResult } from "@/lib/sim/memory";
import type { CpuCheck, MemoryCheck } from "../check-schema";
import { describeCheck, seconds } from "../check-labels";
import type { CheckResult } from "../result-types";

const mib = (value: number) => `${Number(value.toFixed(1))} MiB`;
const ms = (value: number | null) => (value === null ? "none completed" : `${Number(value.toFixed(1))} ms`);

export function memoryCheckLabel(check: MemoryCheck): string {
  switch (check.type) {
    case "batch-completes":
      return "The batch finishes on its first run (exit code 0)";
    case "no-oom-kill":
      return "Never killed by the kernel's OOM killer (no exit 137)";
    case "no-heap-crash":
      return "Never crashes on V8's heap limit (no exit 134)";
    case "no-swap":
      return "Never pushed out to swap";
    case "memory-headroom":
      return `At least ${mib(check.atLeastMb)} of headroom below the memory limit at the peak`;
    case "memory-limit-at-most":
      return `The memory limit stays within the node's budget of ${mib(check.mb)}`;
  }
}

/** Judges one memory check against the engine's summary. */
export function judgeMemoryCheck(check: MemoryCheck, result: MemoryResult): CheckResult {
  const { summary } = result;
  const label = describeCheck(check);
  const exits = summary.exits.map((exit) => `exit ${exit.exitCode} at ${seconds(exit.at)}`).join(", ");
  switch (check.type) {
    case "batch-completes": {
      const first = summary.exits[0];
      return {
        label,
        passed: first !== undefined && first.exitCode === 0,
        detail: first
          ? `${summary.exits.length} run${summary.exits.length === 1 ? "" : "s"}: ${exits}.`
          : `Still running at the end (${seconds(summary.endMs)}).`,
      };
    }
    case "no-oom-kill":
      return {
        label,
        passed: summary.oomKills === 0,
        detail: summary.oomKills
          ? `OOM-killed ${summary.oomKills} time${summary.oomKills === 1 ? "" : "s"}: the app needed ${mib(summary.peakRssMb)}, the limit is ${mib(summary.limits.ramMb)} plus ${mib(summary.limits.swapMb)} of swap.`
          : `No OOM kill; the most RAM charged was ${mib(summary.peakRamMb)} of ${mib(summary.limits.ramMb)}.`,
      };
    case "no-heap-crash":
      return {
        label,
        passed: summary.heapLimitCrashes === 0,
        detail: summary.heapLimitCrashes
          ? `The heap hit V8's limit of ${mib(summary.limits.heapMb)}${summary.limits.heapDefaulted ? " (Node's default: about half the container's memory)" : ""} ${summary.heapLimitCrashes} time${summary.heapLimitCrashes === 1 ? "" : "s"}.`
          : `The heap peaked at ${mib(summary.peakHeapMb)} under V8's limit of ${mib(summary.limits.heapMb)}.`,
      };
    case "no-swap":
      return {
        label,
        passed: summary.swappingMs === 0,
        detail: summary.swappingMs
          ? `Swapped for ${seconds(summary.swappingMs)}, up to ${mib(summary.peakSwapMb)}.`
          : "Never swapped.",
      };
    case "memory-headroom":
      return {
        label,
        passed: summary.headroomMb >= check.atLeastMb,
        detail: `Peak RAM ${mib(summary.peakRamMb)} of a ${mib(summary.limits.ramMb)} limit leaves ${mib(summary.headroomMb)}.`,
      };
    case "memory-limit-at-most":
      return {
        label,
        passed: summary.limits.ramMb <= check.mb,
        detail: `The limit is ${mib(summary.limits.ramMb)}.`,
      };
  }
}

export function cpuCheckLabel(check: CpuCheck): string {
  switch (check.type) {
    case "p99-below":
      return `p99 latency under ${check.ms} ms`;
    case "backlog-at-most":
      return check.requests === 0
        ? "No request still waiting at the end"
        : `At most ${check.requests} requests still waiting at the end`;
    case "cpus-at-most":
      return `Reserves at most ${check.cpus} CPU`;
  }
}

export function judgeCpuCheck(check: CpuCheck, result: CpuResult): CheckResult {
  const { summary } = result;
  const label = describeCheck(check);
  const cpus = summary.quotaUs === null ? null : summary.quotaUs / summary.periodUs;
  switch (check.type) {
    case "p99-below":
      return {
        label,
        passed: summary.p99Ms !== null && summary.p99Ms < check.ms,
        detail: `p99 ${ms(summary.p99Ms)} (p50 ${ms(summary.p50Ms)}); throttled in ${summary.nrThrottled} of ${summary.nrPeriods} periods, ${seconds(Math.round(summary.throttledMs))} in all.`,
      };
    case "backlog-at-most":
      return {
        label,
        passed: summary.backlogAtEnd <= check.requests,
        detail: `${summary.backlogAtEnd} requests waiting at the end; demand is ${Math.round(summary.utilisation * 100)} % of the quota.`,
      };
    case "cpus-at-most":
      return {
        label,
        passed: cpus !== null && cpus <= check.cpus,
        detail:
          cpus === null
            ? "No --cpus limit at all."
            : `--cpus=${cpus} (quota ${summary.quotaUs} µs per ${summary.periodUs} µs).`,
      };
  }
}
