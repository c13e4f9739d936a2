import { parsePromQL } from "@/lib/sim/promql/parse";
import { instantQuery, rangeQuery, type RangeResult } from "@/lib/sim/promql/query";
import { scrape } from "@/lib/sim/promql/scrape";
import { PromQLError, type Value } from "@/lib/sim/promql/types";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";
import type { LabOfKind } from "../schema";
import {
  clock,
  MAX_QUERY_KEYS,
  MAX_QUERY_SERIES,
  MAX_QUERY_TIMES,
  type QueryOverTime,
  type QueryRow,
} from "../text/result";
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
  return { checks, details: { kind: "query", by, rows, overTime: overTime(lab, store, text, by) } };
}

/**
 * Both queries as range queries over the whole scrape (one step per minute, or coarser to stay
 * within MAX_QUERY_TIMES), grouped by the `by` label. Null when the learner's query cannot run
 * as a range query (it gives a range vector): the checks say why.
 */
function overTime(lab: QueryLab, store: ReturnType<typeof scrape>["store"], text: string, by: string): QueryOverTime | undefined {
  const end = lab.scenario.scrape.horizonMs;
  const step = Math.max(60_000, Math.ceil(end / (MAX_QUERY_TIMES - 1) / 60_000) * 60_000);
  const times: number[] = [];
  for (let t = 0; t <= end; t += step) times.push(t);
  let yours: RangeResult;
  try {
    yours = rangeQuery(text, store, 0, end, step);
  } catch {
    return undefined;
  }
  const expected = rangeQuery(lab.scenario.reference, store, 0, end, step);
  const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
  const valuesOf = (points: Array<{ t: number; v: number }>) => {
    const at = new Map(points.map((point) => [point.t, point.v]));
    return times.map((t) => finite(at.get(t)));
  };
  const seriesOf = (result: RangeResult) => (result.type === "matrix" ? result.series : []);
  const keys = [...new Set([...seriesOf(expected), ...seriesOf(yours)].map((series) => series.labels[by] ?? `(no ${by} label)`))].sort();
  const others = (labels: Record<string, string>) =>
    Object.keys(labels)
      .filter((name) => name !== by && name !== "__name__")
      .sort()
      .map((name) => `${name}="${labels[name]}"`)
      .join(", ");
  const moments = [
    ...lab.checks.flatMap((check) => (check.type === "query-per-label" ? [{ atMs: check.atMs, label: `checked at ${clock(check.atMs)}` }] : [])),
    ...lab.scenario.scrape.incidents.flatMap((incident) => [
      { atMs: incident.fromMs, label: `${incident.route ?? "every route"} slow from ${clock(incident.fromMs)}` },
    ]),
  ].sort((a, b) => a.atMs - b.atMs);
  return {
    times,
    keys: keys.slice(0, MAX_QUERY_KEYS).map((key) => {
      const mine = seriesOf(yours).filter((series) => (series.labels[by] ?? `(no ${by} label)`) === key);
      return {
        key,
        expected: valuesOf(seriesOf(expected).find((series) => series.labels[by] === key)?.points ?? []),
        yours: mine.slice(0, MAX_QUERY_SERIES).map((series) => ({
          name: mine.length === 1 ? "yours" : `yours {${others(series.labels)}}`,
          values: valuesOf(series.points),
        })),
        omittedYours: Math.max(0, mine.length - MAX_QUERY_SERIES),
      };
    }),
    omittedKeys: Math.max(0, keys.length - MAX_QUERY_KEYS),
    moments,
  };
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
