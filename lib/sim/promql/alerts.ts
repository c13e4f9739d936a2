import type { ComparisonOp, Expr } from "./ast";
import { evaluate } from "./eval";
import { parsePromQL } from "./parse";
import type { SeriesStore } from "./storage";
import { PromQLError, signature, withoutName, type Labels } from "./types";

export type AlertRule = { name: string; expr: string; forMs: number; keepFiringForMs?: number };
export type AlertState = "pending" | "firing" | "inactive";
export type AlertTransition = { at: number; labels: Labels; from: AlertState; to: AlertState; value: number | null };

type Active = { labels: Labels; state: AlertState; activeAt: number; keepFiringSince: number | null; value: number };

export type AlertRun = {
  transitions: AlertTransition[];
  /** First time any alert of the rule fired; null when it never did. */
  firstFiringAt: number | null;
  /** Evaluation times at which at least one alert was firing. */
  firingEvaluations: number;
  evaluations: number;
};

/**
 * Evaluates an alerting rule every `intervalMs` from `startMs` to `endMs`, with the state
 * machine of Prometheus' rules/alerting.go: a new result is pending from that evaluation; it
 * fires once it has been active for `for`; when it leaves the result a pending alert is dropped
 * and a firing one resolves (unless keep_firing_for holds it).
 */
export function runAlertRule(
  rule: AlertRule,
  store: SeriesStore,
  options: { startMs: number; endMs: number; intervalMs: number },
): AlertRun {
  let expr: Expr;
  try {
    expr = parsePromQL(rule.expr);
  } catch (error) {
    if (error instanceof PromQLError) throw new PromQLError(`in alert ${rule.name}: ${error.message}`, error.from, error.to);
    throw error;
  }
  const active = new Map<string, Active>();
  const transitions: AlertTransition[] = [];
  let firstFiringAt: number | null = null;
  let firingEvaluations = 0;
  let evaluations = 0;
  const keepFor = rule.keepFiringForMs ?? 0;

  for (let ts = options.startMs; ts <= options.endMs; ts += options.intervalMs) {
    evaluations++;
    const value = evaluate(expr, store, ts);
    if (value.type !== "vector")
      throw new PromQLError(`alert ${rule.name}: the expression must give an instant vector (got a ${value.type})`);
    const result = new Map<string, { labels: Labels; value: number }>();
    for (const element of value.elements) {
      const labels = { ...withoutName(element.labels), alertname: rule.name };
      result.set(signature(labels), { labels, value: element.value });
    }
    for (const [key, { labels, value: v }] of result) {
      const known = active.get(key);
      if (known && known.state !== "inactive") {
        known.value = v;
        known.keepFiringSince = null;
        continue;
      }
      active.set(key, { labels, state: "pending", activeAt: ts, keepFiringSince: null, value: v });
      transitions.push({ at: ts, labels, from: "inactive", to: "pending", value: v });
    }
    for (const [key, alert] of active) {
      if (!result.has(key)) {
        let keep = false;
        if (alert.state === "firing" && keepFor > 0) {
          alert.keepFiringSince ??= ts;
          keep = ts - alert.keepFiringSince < keepFor;
        }
        if (!keep) {
          if (alert.state !== "inactive")
            transitions.push({ at: ts, labels: alert.labels, from: alert.state, to: "inactive", value: null });
          active.delete(key);
          continue;
        }
      }
      if (alert.state === "pending" && ts - alert.activeAt >= rule.forMs) {
        alert.state = "firing";
        transitions.push({ at: ts, labels: alert.labels, from: "pending", to: "firing", value: alert.value });
        firstFiringAt ??= ts;
      }
    }
    if ([...active.values()].some((alert) => alert.state === "firing")) firingEvaluations++;
  }
  return { transitions, firstFiringAt, firingEvaluations, evaluations };
}

/** The comparison a rule's threshold is drawn from: `value op threshold` keeps a series. */
export type RuleThreshold = { op: ComparisonOp; value: number };
/** The plotted value at one evaluation: null when the expression gave no series at all. */
export type RuleSample = { at: number; value: number | null };
export type RuleValues = {
  /** Null when the expression is not `<expr> <comparison> <number>` (or the mirror image). */
  threshold: RuleThreshold | null;
  samples: RuleSample[];
  /** Most series any one evaluation gave (the sample is their highest, or lowest for < and <=). */
  maxSeries: number;
};

const MIRROR: Record<ComparisonOp, ComparisonOp> = { ">": "<", "<": ">", ">=": "<=", "<=": ">=", "==": "==", "!=": "!=" };
const COMPARISONS = new Set<string>(Object.keys(MIRROR));

/**
 * What a chart of an alerting rule draws: the value the rule compares, sampled at its evaluation
 * times, and the threshold it is compared with. For `a > 0.01` (a filtering comparison with a
 * number on one side) that is `a` before the filter, so the line is there below the threshold
 * too; for anything else it is the expression's own value. With several series the sample is the
 * one nearest to firing: the highest (the lowest for `<` and `<=`). At most `maxSamples` points:
 * when there are more evaluations, every k-th is taken (always the first and last).
 */
export function sampleRuleValues(
  exprText: string,
  store: SeriesStore,
  options: { startMs: number; endMs: number; intervalMs: number },
  maxSamples = 240,
): RuleValues {
  const expr = parsePromQL(exprText);
  let plotted: Expr = expr;
  let threshold: RuleThreshold | null = null;
  if (expr.kind === "binary" && COMPARISONS.has(expr.op) && !expr.returnBool) {
    const op = expr.op as ComparisonOp;
    if (expr.rhs.kind === "number" && expr.lhs.kind !== "number") {
      plotted = expr.lhs;
      threshold = { op, value: expr.rhs.value };
    } else if (expr.lhs.kind === "number" && expr.rhs.kind !== "number") {
      plotted = expr.rhs;
      threshold = { op: MIRROR[op], value: expr.lhs.value };
    }
  }
  const lowest = threshold !== null && (threshold.op === "<" || threshold.op === "<=");
  const count = Math.floor((options.endMs - options.startMs) / options.intervalMs) + 1;
  const stride = Math.max(1, Math.ceil((count - 1) / Math.max(1, maxSamples - 1)));
  const samples: RuleSample[] = [];
  let maxSeries = 0;
  for (let index = 0; index < count; index++) {
    if (index % stride !== 0 && index !== count - 1) continue;
    const at = options.startMs + index * options.intervalMs;
    const value = evaluate(plotted, store, at);
    let values: number[];
    if (value.type === "scalar") values = [value.value];
    else if (value.type === "vector") values = value.elements.map((element) => element.value);
    else throw new PromQLError("the expression must give an instant vector (got a range vector)");
    maxSeries = Math.max(maxSeries, values.length);
    // NaN and ±Inf (a ratio over zero requests) are not drawn, and JSON could not carry them.
    const finite = values.filter((v) => Number.isFinite(v));
    samples.push({
      at,
      value: finite.length === 0 ? null : lowest ? Math.min(...finite) : Math.max(...finite),
    });
  }
  return { threshold, samples, maxSeries };
}

export type StateSpan = { from: number; to: number; state: AlertState };

/**
 * The rule's state over time as spans, from its transitions: firing while any of its alerts
 * fires, pending while any is pending, inactive otherwise. Spans run from one change to the next
 * and the last one to `endMs`.
 */
export function alertStateSpans(transitions: readonly AlertTransition[], startMs: number, endMs: number): StateSpan[] {
  const states = new Map<string, AlertState>();
  const rank: Record<AlertState, number> = { inactive: 0, pending: 1, firing: 2 };
  const changes: Array<{ at: number; state: AlertState }> = [{ at: startMs, state: "inactive" }];
  let index = 0;
  while (index < transitions.length) {
    const at = transitions[index]!.at;
    for (; index < transitions.length && transitions[index]!.at === at; index++) {
      const transition = transitions[index]!;
      const key = signature(transition.labels);
      if (transition.to === "inactive") states.delete(key);
      else states.set(key, transition.to);
    }
    const state = [...states.values()].reduce<AlertState>((worst, s) => (rank[s] > rank[worst] ? s : worst), "inactive");
    const last = changes.at(-1)!;
    if (state === last.state) continue;
    if (last.at === at) last.state = state;
    else changes.push({ at, state });
  }
  return changes.map((change, i) => ({ from: change.at, to: changes[i + 1]?.at ?? endMs, state: change.state }));
}
