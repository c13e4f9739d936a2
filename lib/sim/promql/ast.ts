/** The PromQL subset this engine evaluates, as a small tree built from the official grammar. */
export type MatchOp = "=" | "!=" | "=~" | "!~";
export type Matcher = { name: string; op: MatchOp; value: string };

export type ArithmeticOp = "+" | "-" | "*" | "/" | "%" | "^";
export type ComparisonOp = "==" | "!=" | ">" | "<" | ">=" | "<=";
export type SetOp = "and" | "or" | "unless";
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

export type AggregateOp = "sum" | "avg" | "min" | "max" | "count";

export const FUNCTIONS = [
  "rate",
  "increase",
  "histogram_quantile",
  "avg_over_time",
  "max_over_time",
  "min_over_time",
  "sum_over_time",
  "count_over_time",
  "abs",
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type VectorSelector = { kind: "vector"; matchers: Matcher[]; offsetMs: number };

export type Expr =
  | { kind: "number"; value: number }
  | VectorSelector
  | { kind: "matrix"; selector: VectorSelector; rangeMs: number }
  | { kind: "call"; fn: FunctionName; args: Expr[] }
  | { kind: "aggregate"; op: AggregateOp; grouping: { without: boolean; labels: string[] }; expr: Expr }
  | {
      kind: "binary";
      op: BinaryOp;
      returnBool: boolean;
      /** null: default matching (all labels but the metric name). */
      matching: { on: boolean; labels: string[] } | null;
      lhs: Expr;
      rhs: Expr;
    }
  | { kind: "unary"; op: "-" | "+"; expr: Expr };
