import { parsePromQL } from "@/lib/sim/promql/parse";
import { instantQuery } from "@/lib/sim/promql/query";
import { scrape } from "@/lib/sim/promql/scrape";
import { PromQLError, type Value } from "@/lib/sim/promql/types";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import { clock, type QueryRow } from "../text/result";
import type { TextCheckOf } from "../text/checks";
import type { TextOutcome } from "../text/outcome";

type QueryLab = LabOfKind<"promql-query">;

/**
 * The learner's PromQL query as an instant query at each check's time, over the lab's scraped
 * series, compared with the lab's reference query: one value per label value of `by`, each
 * within a relative tolerance.
 */
export function runPromqlQuery(lab: QueryLab, text: string): TextOutcome {
  const by = lab.checks.find((check) => check.type === "query-per-label")?.by ?? "route";
  const empty: TextOutcome["details"] = { kind: "query", by, rows: [] };
  if (text.trim() === "") return { failed: "Write a PromQL query first.", details: empty };
  try {
    parsePromQL(text);
  } catch (error) {
    if (error instanceof PromQLError) return { failed: `Your query does not parse: ${error.message}`, details: empty };
    throw error;
  }
  const { store } = scrape(lab.scenario.scrape);
  const rows: QueryRow[] = [];
  const checks: CheckResult[] = lab.checks.map((check) => {
    if (check.type !== "query-per-label")
      return { label: describeCheck(check), passed: false, detail: `The ${check.type} check does not apply to this lab.` };
    let yours: Value;
    try {
      yours = instantQuery(text, store, check.atMs);
    } catch (error) {
      if (!(error instanceof PromQLError)) throw error;
      return { label: describeCheck(check), passed: false, detail: `At ${clock(check.atMs)} the query failed: ${error.message}` };
    }
    const expected = instantQuery(lab.scenario.reference, store, check.atMs);
    return judge(check, yours, expected, rows);
  });
  return { checks, details: { kind: "query", by, rows } };
}

function byLabel(value: Value, by: string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  if (value.type !== "vector") return groups;
  for (const element of value.elements) {
    const key = element.labels[by] ?? `(no ${by} label)`;
    groups.set(key, [...(groups.get(key) ?? []), element.value]);
  }
  return groups;
}

const close = (a: number, b: number, tolerance: number) =>
  Number.isNaN(a) && Number.isNaN(b) ? true : Math.abs(a - b) <= tolerance * Math.max(Math.abs(b), 1e-9);

const show = (v: number | null) => (v === null ? "nothing" : Number.isNaN(v) ? "NaN" : `${Number(v.toPrecision(4))}`);

function judge(
  check: TextCheckOf<"query-per-label">,
  yours: Value,
  expected: Value,
  rows: QueryRow[],
): CheckResult {
  const label = describeCheck(check);
  const at = clock(check.atMs);
  if (yours.type !== "vector")
    return { label, passed: false, detail: `At ${at} the query gives a ${yours.type}, not one value per ${check.by}.` };
  const mine = byLabel(yours, check.by);
  const want = byLabel(expected, check.by);
  const keys = [...new Set([...want.keys(), ...mine.keys()])].sort();
  const problems: string[] = [];
  for (const key of keys) {
    const got = mine.get(key) ?? [];
    const target = want.get(key)?.[0] ?? null;
    rows.push({ atMs: check.atMs, key, yours: got.length === 1 ? got[0]! : null, expected: target });
    if (target === null) problems.push(`${key} is not one of the ${check.by}s`);
    else if (got.length === 0) problems.push(`no value for ${key}`);
    else if (got.length > 1) problems.push(`${got.length} values for ${key}`);
    else if (!close(got[0]!, target, check.tolerance)) problems.push(`${key} is ${show(got[0]!)}, expected ${show(target)}`);
  }
  if (keys.length === 0) problems.push("the query returns nothing");
  // Said once, not per label value: several values means the series were not aggregated.
  if (keys.some((key) => (mine.get(key)?.length ?? 0) > 1)) problems.push("one value per series: aggregate them");
  return problems.length === 0
    ? { label, passed: true, detail: `At ${at}: ${keys.map((key) => `${key} ${show(mine.get(key)![0]!)} s`).join(", ")}.` }
    : { label, passed: false, detail: `At ${at}: ${problems.join("; ")}.` };
}
