import type { Run } from "./run";
import type { ShutdownSummary } from "./types";

export function buildSummary(run: Run): ShutdownSummary {
  const { proc, plan } = run;
  if (proc.exitCode === null || proc.exitAtMs === null || proc.exitCause === null) {
    throw new Error("shutdown simulation ended with the process still running");
  }
  return {
    exitCode: proc.exitCode,
    exitAtMs: proc.exitAtMs,
    exitCause: proc.exitCause,
    stopAtMs: plan.stopAtMs,
    signalAtMs: plan.signalAtMs,
    killDeadlineMs: plan.killAtMs,
    sigkillAtMs: proc.sigkillAtMs,
    listenerClosedAtMs: run.server.listenerClosedAtMs,
    databaseClosed: run.db === "closed",
    requests: { ...run.counts },
  };
}
