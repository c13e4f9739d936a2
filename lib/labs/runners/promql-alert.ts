import { alertStateSpans, runAlertRule, sampleRuleValues, type AlertRun, type RuleValues } from "@/lib/sim/promql/alerts";
import { scrape } from "@/lib/sim/promql/scrape";
import { PromQLError } from "@/lib/sim/promql/types";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import { parseAlertRule } from "../text/alert-rule";
import {
  clock,
  span,
  MAX_ALERT_SAMPLES,
  MAX_TRANSITIONS,
  type AlertChartData,
  type AlertRunDetails,
  type TextDetails,
} from "../text/result";
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
  const runs = new Map<string, { run: AlertLab["scenario"]["runs"][number]; result: AlertRun; values: RuleValues }>();
  try {
    for (const run of lab.scenario.runs) {
      const { store } = scrape(run.scrape);
      const evaluation = { startMs: 0, endMs: run.endMs, intervalMs: lab.scenario.evaluationIntervalMs };
      const result = runAlertRule(
        { name: lab.scenario.ruleName, expr: rule.expr, forMs: rule.forMs, keepFiringForMs: rule.keepFiringForMs },
        store,
        evaluation,
      );
      const values = sampleRuleValues(rule.expr, store, evaluation, MAX_ALERT_SAMPLES);
      runs.set(run.id, { run, result, values });
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
      ? { label, passed: true, detail: `It fired at ${clock(fired)}, ${span(after)} after the errors began.` }
      : { label, passed: false, detail: `It fired at ${clock(fired)}, ${span(after)} after the errors began: too late.` };
  });

  const details: TextDetails = {
    kind: "alert",
    rule: { expr: rule.expr, forMs: rule.forMs },
    runs: [...runs.values()].map(({ run, result, values }): AlertRunDetails => ({
      id: run.id,
      label: run.label,
      incidentAtMs: run.incidentAtMs,
      firstFiringAtMs: result.firstFiringAt,
      transitions: result.transitions.slice(0, MAX_TRANSITIONS).map((t) => ({ atMs: t.at, from: t.from, to: t.to })),
      omittedTransitions: Math.max(0, result.transitions.length - MAX_TRANSITIONS),
      chart: alertChartData(lab, run, result, values),
    })),
  };
  return { checks, details };
}

/** What a run's chart draws (AlertChartData), plain JSON and bounded. */
function alertChartData(
  lab: AlertLab,
  run: AlertLab["scenario"]["runs"][number],
  result: AlertRun,
  values: RuleValues,
): AlertChartData {
  const states = alertStateSpans(result.transitions, 0, run.endMs);
  const within = lab.checks.find((check) => check.type === "alert-fires-within" && check.run === run.id);
  return {
    endMs: run.endMs,
    threshold: values.threshold,
    samples: values.samples.map((sample) => ({ atMs: sample.at, value: sample.value })),
    maxSeries: values.maxSeries,
    states: states.slice(0, MAX_TRANSITIONS).map((span) => ({ fromMs: span.from, toMs: span.to, state: span.state })),
    omittedStates: Math.max(0, states.length - MAX_TRANSITIONS),
    windows: run.scrape.incidents.map((incident) => ({
      fromMs: incident.fromMs,
      toMs: Math.min(incident.toMs, run.endMs),
      label: incidentLabel(incident),
    })),
    fireByMs: within?.type === "alert-fires-within" ? run.incidentAtMs + within.withinMs : null,
  };
}

/** "2 % errors", "every request fails", "/orders slow": the shaded window's words. */
function incidentLabel(incident: AlertLab["scenario"]["runs"][number]["scrape"]["incidents"][number]): string {
  const where = incident.route === null ? "" : `${incident.route}: `;
  const parts: string[] = [];
  if (incident.errorRatio !== undefined)
    parts.push(incident.errorRatio === 1 ? "every request fails" : `${Number((incident.errorRatio * 100).toFixed(2))} % errors`);
  if (incident.latencyMs) parts.push(`${incident.latencyMs.minMs}–${incident.latencyMs.maxMs} ms responses`);
  return `${where}${parts.join(", ") || "trouble"}`;
}
