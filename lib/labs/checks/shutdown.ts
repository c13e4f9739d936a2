import { requestOutcomes, type ShutdownResult, type ShutdownSummary } from "@/lib/sim/shutdown";
import type { ShutdownCheck } from "../check-schema";
import { describeCheck, EXIT_CAUSES, seconds } from "../check-labels";
import type { CheckResult } from "../result-types";

/** Judges one shutdown check against the engine's result. */
export function judgeShutdownCheck(check: ShutdownCheck, result: ShutdownResult): CheckResult {
  const { summary } = result;
  const label = describeCheck(check);
  switch (check.type) {
    case "requests": {
      const { dropped, refused } = summary.requests;
      const passed =
        (check.dropped === undefined || dropped <= check.dropped) &&
        (check.refused === undefined || refused <= check.refused);
      return { label, passed, detail: requestDetail(result) };
    }
    case "requests-completed": {
      const outcomes = requestOutcomes(result.events);
      const missing = check.ids.filter((id) => outcomes.get(id)?.fate !== "completed");
      const detail = missing.length
        ? missing
            .map((id) => {
              const outcome = outcomes.get(id);
              return outcome
                ? `${id} was ${outcome.fate} at ${seconds(outcome.atMs)}`
                : `${id} never finished`;
            })
            .join("; ") + "."
        : `${check.ids.join(", ")} completed.`;
      return { label, passed: missing.length === 0, detail };
    }
    case "exit-code":
      return { label, passed: summary.exitCode === check.code, detail: exitDetail(summary) };
    case "exit-before-ms":
      return { label, passed: summary.exitAtMs < check.ms, detail: exitDetail(summary) };
    case "no-sigkill":
      return { label, passed: summary.sigkillAtMs === null, detail: exitDetail(summary) };
    case "exit-cause":
      return { label, passed: summary.exitCause === check.cause, detail: exitDetail(summary) };
  }
}

function exitDetail(summary: ShutdownSummary): string {
  const how =
    summary.exitCause === "sigkill"
      ? `SIGKILL at the end of the grace period`
      : summary.exitCause === "process-exit"
        ? "your process.exit()"
        : EXIT_CAUSES[summary.exitCause];
  return `The process exited with code ${summary.exitCode} at ${seconds(summary.exitAtMs)}, by ${how}.`;
}

function requestDetail(result: ShutdownResult): string {
  const { requests } = result.summary;
  const lost = [...requestOutcomes(result.events)]
    .filter(([, outcome]) => outcome.fate === "dropped" || outcome.fate === "refused")
    .slice(0, 6)
    .map(
      ([id, outcome]) =>
        `${id} ${outcome.fate} at ${seconds(outcome.atMs)}${outcome.cause ? ` (${outcome.cause})` : ""}`,
    );
  const counts = `${requests.completed} completed, ${requests.dropped} dropped, ${requests.refused} refused, ${requests.rerouted} sent elsewhere.`;
  return lost.length ? `${counts} First losses: ${lost.join("; ")}.` : counts;
}
