import { parse as parseYaml } from "yaml";
import { parseDuration } from "@/lib/sim/promql/duration";

export type ParsedRule = { expr: string; forMs: number; keepFiringForMs: number };

/**
 * Reads the learner's alerting rule as Prometheus' rule files write it (YAML): one rule with
 * `expr` and optional `for` / `keep_firing_for`, either bare or inside `groups[].rules[]`.
 * Answers with a sentence a learner can act on when the text is not such a rule.
 */
export function parseAlertRule(text: string): { ok: true; rule: ParsedRule } | { ok: false; error: string } {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    return { ok: false, error: `This is not valid YAML: ${(error as Error).message.split("\n")[0]}` };
  }
  const rule = firstRule(doc);
  if (!rule) return { ok: false, error: "Write one alerting rule: a mapping with alert:, expr: and for:." };
  if (typeof rule.expr !== "string" || rule.expr.trim() === "")
    return { ok: false, error: "The rule needs an expr: with a PromQL expression." };
  const durations: Record<string, number> = {};
  for (const key of ["for", "keep_firing_for"] as const) {
    const value = rule[key];
    if (value === undefined || value === null) {
      durations[key] = 0;
      continue;
    }
    try {
      durations[key] = parseDuration(String(value));
    } catch {
      return { ok: false, error: `${key}: "${String(value)}" is not a duration such as 30s, 2m or 1h.` };
    }
  }
  return { ok: true, rule: { expr: rule.expr, forMs: durations.for!, keepFiringForMs: durations.keep_firing_for! } };
}

type RuleDoc = Record<string, unknown>;

function firstRule(doc: unknown): RuleDoc | null {
  if (Array.isArray(doc)) return doc.map(firstRule).find((rule) => rule !== null) ?? null;
  if (typeof doc !== "object" || doc === null) return null;
  const record = doc as RuleDoc;
  if ("expr" in record || "alert" in record) return record;
  if (Array.isArray(record.groups)) return firstRule(record.groups.flatMap((group) => (group as RuleDoc)?.rules ?? []));
  if (Array.isArray(record.rules)) return firstRule(record.rules);
  return null;
}
