import type { BinaryOp, ComparisonOp, Expr } from "./ast";
import { PromQLError, signature, withoutName, type Element, type Labels, type Value } from "./types";

type Binary = Extract<Expr, { kind: "binary" }>;

const COMPARISON = new Set<BinaryOp>(["==", "!=", ">", "<", ">=", "<="]);
const SET = new Set<BinaryOp>(["and", "or", "unless"]);

export function arithmetic(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    case "^":
      return a ** b;
    default:
      return compare(op as ComparisonOp, a, b) ? 1 : 0;
  }
}

function compare(op: ComparisonOp, a: number, b: number): boolean {
  switch (op) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case ">":
      return a > b;
    case "<":
      return a < b;
    case ">=":
      return a >= b;
    case "<=":
      return a <= b;
  }
}

/** The labels two sides are matched on: on(…) keeps the listed ones, ignoring(…) drops them. */
function matchKey(labels: Labels, matching: Binary["matching"]): string {
  const base = withoutName(labels);
  if (!matching) return signature(base);
  if (matching.on) return signature(Object.fromEntries(matching.labels.filter((l) => l in base).map((l) => [l, base[l]!])));
  return signature(Object.fromEntries(Object.entries(base).filter(([name]) => !matching.labels.includes(name))));
}

/** Result labels of a one-to-one match (promql/engine.go resultMetric). */
function resultLabels(labels: Labels, node: Binary, dropName: boolean): Labels {
  let out: Record<string, string> = { ...(dropName ? withoutName(labels) : labels) };
  if (node.matching?.on) out = Object.fromEntries(Object.entries(out).filter(([name]) => node.matching!.labels.includes(name)));
  else if (node.matching) for (const name of node.matching.labels) delete out[name];
  return out;
}

/**
 * A binary operation between two evaluated operands, with Prometheus' rules: arithmetic drops
 * the metric name; a comparison filters (keeping the left value) unless `bool` asks for 0/1;
 * vector–vector operations match one-to-one on all labels but the name, or on(…)/ignoring(…);
 * and/or/unless are set operations on those label sets.
 */
export function evaluateBinary(node: Binary, lhs: Value, rhs: Value): Value {
  const { op, returnBool } = node;
  const isComparison = COMPARISON.has(op);
  if (lhs.type === "matrix" || rhs.type === "matrix")
    throw new PromQLError(`a range vector cannot be an operand of ${op}: apply rate() or an *_over_time function first`);
  if (SET.has(op)) {
    if (lhs.type !== "vector" || rhs.type !== "vector") throw new PromQLError(`${op} works on two instant vectors`);
    return setOperation(node, lhs.elements, rhs.elements);
  }
  if (lhs.type === "scalar" && rhs.type === "scalar") {
    if (isComparison && !returnBool) throw new PromQLError("comparisons between scalars must use the bool modifier");
    return { type: "scalar", value: arithmetic(op, lhs.value, rhs.value) };
  }
  if (lhs.type === "vector" && rhs.type === "scalar") return vectorScalar(node, lhs.elements, rhs.value, false);
  if (lhs.type === "scalar" && rhs.type === "vector") return vectorScalar(node, rhs.elements, lhs.value, true);
  const left = (lhs as Extract<Value, { type: "vector" }>).elements;
  const right = (rhs as Extract<Value, { type: "vector" }>).elements;
  const byKey = new Map<string, Element>();
  for (const element of right) {
    const key = matchKey(element.labels, node.matching);
    if (byKey.has(key))
      throw new PromQLError(
        "found duplicate series for the match group on the right-hand side: many-to-many matching is not allowed; aggregate first or use on(…)",
      );
    byKey.set(key, element);
  }
  const seen = new Set<string>();
  const out: Element[] = [];
  for (const element of left) {
    const key = matchKey(element.labels, node.matching);
    const match = byKey.get(key);
    if (!match) continue;
    if (seen.has(key))
      throw new PromQLError("found duplicate series for the match group on the left-hand side: many-to-one matching needs group_left");
    seen.add(key);
    const value = arithmetic(op, element.value, match.value);
    if (isComparison && !returnBool && value === 0) continue;
    out.push({
      labels: resultLabels(element.labels, node, !isComparison || returnBool),
      value: isComparison && !returnBool ? element.value : value,
    });
  }
  return { type: "vector", elements: out };
}

function vectorScalar(node: Binary, elements: Element[], scalar: number, swap: boolean): Value {
  const isComparison = COMPARISON.has(node.op);
  const out: Element[] = [];
  for (const element of elements) {
    const [a, b] = swap ? [scalar, element.value] : [element.value, scalar];
    const value = arithmetic(node.op, a, b);
    if (isComparison && !node.returnBool) {
      // A filter keeps the vector's own value, on whichever side it stands.
      if (value) out.push(element);
      continue;
    }
    out.push({ labels: withoutName(element.labels), value });
  }
  return { type: "vector", elements: out };
}

function setOperation(node: Binary, left: Element[], right: Element[]): Value {
  const rightKeys = new Set(right.map((element) => matchKey(element.labels, node.matching)));
  switch (node.op) {
    case "and":
      return { type: "vector", elements: left.filter((e) => rightKeys.has(matchKey(e.labels, node.matching))) };
    case "unless":
      return { type: "vector", elements: left.filter((e) => !rightKeys.has(matchKey(e.labels, node.matching))) };
    default: {
      const leftKeys = new Set(left.map((element) => matchKey(element.labels, node.matching)));
      return {
        type: "vector",
        elements: [...left, ...right.filter((e) => !leftKeys.has(matchKey(e.labels, node.matching)))],
      };
    }
  }
}
