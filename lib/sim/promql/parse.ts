import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { FUNCTIONS, type AggregateOp, type BinaryOp, type Expr, type FunctionName, type Matcher, type MatchOp, type VectorSelector } from "./ast";
import { parseDuration } from "./duration";
import { PromQLError } from "./types";

const BINARY: Record<string, BinaryOp> = {
  Add: "+",
  Sub: "-",
  Mul: "*",
  Div: "/",
  Mod: "%",
  Pow: "^",
  Eql: "==",
  Neq: "!=",
  Gtr: ">",
  Lss: "<",
  Gte: ">=",
  Lte: "<=",
  And: "and",
  Or: "or",
  Unless: "unless",
};
const MATCH: Record<string, MatchOp> = { EqlSingle: "=", Neq: "!=", EqlRegex: "=~", NeqRegex: "!~" };
const AGGREGATE: Record<string, AggregateOp> = { Sum: "sum", Avg: "avg", Min: "min", Max: "max", Count: "count" };

/**
 * Parses a query with Prometheus' own grammar (@prometheus-io/lezer-promql, the one its web UI
 * uses) and turns the tree into the subset this engine evaluates. Anything outside the subset is
 * a clear PromQLError naming the construct, never a silent wrong answer.
 */
export function parsePromQL(query: string): Expr {
  const tree = parser.parse(query);
  let error: SyntaxNode | null = null;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError && !error) error = node.node;
    },
  });
  if (error) {
    const at = (error as SyntaxNode).from;
    throw new PromQLError(`syntax error at character ${at + 1}: ${describeAt(query, at)}`, at, at + 1);
  }
  const top = tree.topNode.firstChild;
  if (!top) throw new PromQLError("empty query");
  return build(top, query);
}

function describeAt(query: string, at: number): string {
  return at >= query.length ? "the query ends too early" : `unexpected "${query.slice(at, at + 10)}"`;
}

const text = (node: SyntaxNode, query: string) => query.slice(node.from, node.to);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function unsupported(node: SyntaxNode, what: string): PromQLError {
  return new PromQLError(`${what} is not supported in this lab's PromQL subset`, node.from, node.to);
}

function build(node: SyntaxNode, query: string): Expr {
  switch (node.name) {
    case "NumberDurationLiteral":
      return { kind: "number", value: parseNumber(text(node, query), node) };
    case "ParenExpr":
      return build(node.firstChild!, query);
    case "VectorSelector":
      return vectorSelector(node, query);
    case "MatrixSelector": {
      const [selector, duration] = children(node);
      return { kind: "matrix", selector: vectorSelector(selector!, query), rangeMs: parseDuration(text(duration!, query)) };
    }
    case "OffsetExpr":
      return offset(node, query);
    case "UnaryExpr": {
      const [op, operand] = children(node);
      return { kind: "unary", op: text(op!, query) === "-" ? "-" : "+", expr: build(operand!, query) };
    }
    case "FunctionCall":
      return call(node, query);
    case "AggregateExpr":
      return aggregate(node, query);
    case "BinaryExpr":
      return binary(node, query);
    case "SubqueryExpr":
      throw unsupported(node, "a subquery ([range:step])");
    case "StepInvariantExpr":
      throw unsupported(node, "the @ modifier");
    case "StringLiteral":
      throw unsupported(node, "a string value");
    default:
      throw unsupported(node, `"${text(node, query)}"`);
  }
}

function parseNumber(raw: string, node: SyntaxNode): number {
  const lower = raw.toLowerCase();
  if (lower === "inf" || lower === "+inf") return Infinity;
  if (lower === "-inf") return -Infinity;
  if (lower === "nan") return Number.NaN;
  const value = Number(raw.replaceAll("_", ""));
  if (Number.isNaN(value)) {
    // A duration literal where a number is expected ("5m" as a scalar) counts in seconds.
    try {
      return parseDuration(raw) / 1000;
    } catch {
      throw new PromQLError(`not a number: "${raw}"`, node.from, node.to);
    }
  }
  return value;
}

function unquote(raw: string): string {
  if (raw.startsWith("`")) return raw.slice(1, -1);
  if (raw.startsWith("'")) return JSON.parse(`"${raw.slice(1, -1).replaceAll('"', '\\"').replaceAll("\\'", "'")}"`);
  return JSON.parse(raw);
}

function vectorSelector(node: SyntaxNode, query: string): VectorSelector {
  if (node.name !== "VectorSelector") throw unsupported(node, `"${text(node, query)}" where a series selector belongs`);
  const matchers: Matcher[] = [];
  for (const child of children(node)) {
    if (child.name === "Identifier") matchers.push({ name: "__name__", op: "=", value: text(child, query) });
    if (child.name === "LabelMatchers") {
      for (const matcher of children(child)) {
        if (matcher.name === "UnquotedLabelMatcher" || matcher.name === "QuotedLabelMatcher") {
          const [name, op, value] = children(matcher);
          const labelName = name!.name === "QuotedLabelName" ? unquote(text(name!, query)) : text(name!, query);
          matchers.push({ name: labelName, op: MATCH[op!.firstChild!.name]!, value: unquote(text(value!, query)) });
        } else if (matcher.name === "QuotedLabelName") {
          matchers.push({ name: "__name__", op: "=", value: unquote(text(matcher, query)) });
        }
      }
    }
  }
  if (!matchers.some((m) => m.op === "=" ? m.value !== "" : m.op === "=~" ? !new RegExp(`^(?:${m.value})$`).test("") : false))
    throw new PromQLError("a selector needs a metric name or a matcher that does not match the empty string", node.from, node.to);
  return { kind: "vector", matchers, offsetMs: 0 };
}

function offset(node: SyntaxNode, query: string): Expr {
  const [inner, , duration] = children(node);
  const raw = text(duration!, query).replaceAll(/\s/g, "");
  const ms = raw.startsWith("-") ? -parseDuration(raw.slice(1)) : parseDuration(raw);
  const target = build(inner!, query);
  if (target.kind === "vector") return { ...target, offsetMs: ms };
  if (target.kind === "matrix") return { ...target, selector: { ...target.selector, offsetMs: ms } };
  throw unsupported(node, "offset on anything but a selector");
}

function call(node: SyntaxNode, query: string): Expr {
  const [identifier, body] = children(node);
  const name = text(identifier!, query);
  if (!(FUNCTIONS as readonly string[]).includes(name)) throw unsupported(identifier!, `the function ${name}()`);
  const args = body ? children(body).map((arg) => build(arg, query)) : [];
  const expected = name === "histogram_quantile" ? ["number", "vector"] : name === "abs" ? ["vector"] : ["matrix"];
  if (args.length !== expected.length)
    throw new PromQLError(`${name}() takes ${expected.length} argument(s), got ${args.length}`, node.from, node.to);
  if (expected.includes("matrix") && args[0]!.kind !== "matrix")
    throw new PromQLError(`${name}() needs a range vector such as x[5m]`, node.from, node.to);
  return { kind: "call", fn: name as FunctionName, args };
}

function aggregate(node: SyntaxNode, query: string): Expr {
  const parts = children(node);
  const opNode = parts.find((part) => part.name === "AggregateOp")!;
  const op = AGGREGATE[opNode.firstChild!.name];
  if (!op) throw unsupported(opNode, `the aggregation ${text(opNode, query)}`);
  const modifier = parts.find((part) => part.name === "AggregateModifier");
  const body = parts.find((part) => part.name === "FunctionCallBody")!;
  const args = children(body);
  if (args.length !== 1) throw new PromQLError(`${op} takes one expression`, node.from, node.to);
  const grouping = { without: false, labels: [] as string[] };
  if (modifier) {
    grouping.without = modifier.firstChild!.name === "Without";
    const labels = children(modifier).find((part) => part.name === "GroupingLabels");
    grouping.labels = labels ? children(labels).map((label) => text(label, query)) : [];
  }
  return { kind: "aggregate", op, grouping, expr: build(args[0]!, query) };
}

function binary(node: SyntaxNode, query: string): Expr {
  const parts = children(node);
  const lhs = parts[0]!;
  const rhs = parts.at(-1)!;
  const op = BINARY[parts[1]!.name];
  if (!op) throw unsupported(parts[1]!, `the operator ${text(parts[1]!, query)}`);
  let returnBool = false;
  let matching: { on: boolean; labels: string[] } | null = null;
  for (const part of parts.slice(2, -1)) {
    if (part.name === "BoolModifier") returnBool = true;
    if (part.name === "MatchingModifierClause") {
      const clause = children(part);
      if (clause.some((c) => c.name === "GroupLeft" || c.name === "GroupRight"))
        throw unsupported(part, "group_left / group_right (many-to-one matching)");
      const labels = clause.find((c) => c.name === "GroupingLabels");
      matching = { on: clause[0]!.name === "On", labels: labels ? children(labels).map((l) => text(l, query)) : [] };
    }
  }
  return { kind: "binary", op, returnBool, matching, lhs: build(lhs, query), rhs: build(rhs, query) };
}
