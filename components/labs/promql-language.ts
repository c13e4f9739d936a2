import type { BeforeMount } from "@monaco-editor/react";

type Monaco = Parameters<BeforeMount>[0];

const KEYWORDS = ["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless"];
const FUNCTIONS = [
  "rate", "irate", "increase", "histogram_quantile", "sum", "avg", "min", "max", "count", "abs",
  "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "topk", "bottomk",
];

/**
 * Monaco has no PromQL mode of its own: a small Monarch tokenizer colours keywords, functions,
 * label matchers, strings, durations and numbers. Parsing and errors come from the real grammar
 * (@prometheus-io/lezer-promql) when the lab runs; this is colour only. Registered once.
 */
export function registerPromql(monaco: Monaco): void {
  if (monaco.languages.getLanguages().some((language: { id: string }) => language.id === "promql")) return;
  monaco.languages.register({ id: "promql" });
  monaco.languages.setMonarchTokensProvider("promql", {
    keywords: KEYWORDS,
    functions: FUNCTIONS,
    tokenizer: {
      root: [
        [/#.*$/, "comment"],
        [/"([^"\\]|\\.)*"/, "string"],
        [/'([^'\\]|\\.)*'/, "string"],
        [/\[\s*\d+(ms|s|m|h|d|w|y)(\d+(ms|s|m|h|d|w|y))*\s*\]/, "number"],
        [/\d+(\.\d+)?(e[+-]?\d+)?/, "number"],
        [/[a-zA-Z_:][\w:]*(?=\s*\()/, { cases: { "@functions": "keyword", "@keywords": "keyword", "@default": "type" } }],
        [/[a-zA-Z_:][\w:]*/, { cases: { "@keywords": "keyword", "@default": "identifier" } }],
        [/=~|!~|!=|==|>=|<=|[=<>+\-*/%^]/, "operator"],
        [/[{}()[\],]/, "delimiter"],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration("promql", {
    brackets: [
      ["{", "}"],
      ["(", ")"],
      ["[", "]"],
    ],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "(", close: ")" },
      { open: "[", close: "]" },
      { open: '"', close: '"' },
    ],
  });
}
