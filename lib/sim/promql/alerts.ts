import type { Expr } from "./ast";
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
