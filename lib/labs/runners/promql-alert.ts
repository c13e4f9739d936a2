import { runAlertRule, type AlertRun } from "@/lib/sim/promql/alerts";
import { scrape } from "@/lib/sim/promql/scrape";
import { PromQLError } from "@/lib/sim/promql/types";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import { parseAlertRule } from "../text/alert-rule";
import { clock, MAX_TRANSITIONS, type AlertRunDetails, type TextDetails } from "../text/result";
import type { TextOutcome } from "../text/outcome";

type AlertLab = LabOfKind<"promql-alert">;

/**
 * The learner's alerting rule against each run of the lab: the run's targets are scraped into
 * series, then the rule is evaluated every evaluation interval with Prometheus' pending → firing
 * state machine (lib/sim/promql). Checks read when the rule first fired.
 */
export function runPromqlAlert(lab: AlertLab, text: string): TextOutcome {
  const parsed = parseAlertRule(text);
  if (!parsed.ok) return { failed: parsed.error, details: { kind: "alert", rule: null, runs: [] } };
  const { rule } = parsed;
  const runs = new Map<string, { run: AlertLab["scenario"]["runs"][number]; result: AlertRun }>();
  try {
    for (const run of lab.scenario.runs) {
      const { store } = scrape(run.scrape);
      const result = runAlertRule(
        { name: lab.scenario.ruleName, expr: rule.expr, forMs: rule.forMs, keepFiringForMs: rule.keepFiringForMs },
        store,
        { startMs: 0, endMs: run.endMs, intervalMs: lab.scenario.evaluationIntervalMs },
      );
      runs.set(run.id, { run, result });
    }
  } catch (error) {
    if (!(error instanceof PromQLError)) throw error;
    return { failed: `Your expr is not PromQL this lab can run: ${error.message}`, details: { kind: "alert", rule: null, runs: [] } };
  }

  const checks: CheckResult[] = lab.checks.map((check) => {
    const label = describeCheck(check);
    if (check.type !== "alert-fires-within" && check.type !== "alert-stays-quiet")
      return { label, passed: false, detail: `The ${check.type} check does not apply to this lab.` };
    const { run, result } = runs.get(check.run)!;
    const fired = result.firstFiringAt;
    const pending = result.transitions.some((t) => t.to === "pending");
    if (check.type === "alert-stays-quiet")
      return fired === null
        ? {
            label,
            passed: true,
            detail: pending
              ? "It went pending but never lasted long enough to fire."
              : "The expression never even became true.",
          }
        : { label, passed: false, detail: `It fired at ${clock(fired)}: someone gets paged for nothing.` };
    if (fired === null)
      return {
        label,
        passed: false,
        detail: pending
          ? "It went pending but never fired: the condition did not hold for the whole for: duration."
          : "The expression never became true in this run.",
      };
    const after = fired - run.incidentAtMs;
    if (after < 0)
      return { label, passed: false, detail: `It fired at ${clock(fired)}, before the trouble started at ${clock(run.incidentAtMs)}.` };
    return after <= check.withinMs
      ? { label, passed: true, detail: `It fired at ${clock(fired)}, ${clock(after)} after the errors began.` }
      : { label, passed: false, detail: `It fired at ${clock(fired)}, ${clock(after)} after the errors began: too late.` };
  });

  const details: TextDetails = {
    kind: "alert",
    rule: { expr: rule.expr, forMs: rule.forMs },
    runs: [...runs.values()].map(({ run, result }): AlertRunDetails => ({
      id: run.id,
      label: run.label,
      incidentAtMs: run.incidentAtMs,
      firstFiringAtMs: result.firstFiringAt,
      transitions: result.transitions.slice(0, MAX_TRANSITIONS).map((t) => ({ atMs: t.at, from: t.from, to: t.to })),
      omittedTransitions: Math.max(0, result.transitions.length - MAX_TRANSITIONS),
    })),
  };
  return { checks, details };
}
