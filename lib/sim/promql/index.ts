/**
 * A PromQL subset over simulated scrapes: parse with Prometheus' own grammar, evaluate instant
 * and range queries and alerting rules with Prometheus' semantics. Pure and deterministic.
 */
export {
  alertStateSpans,
  runAlertRule,
  sampleRuleValues,
  type AlertRule,
  type AlertRun,
  type AlertState,
  type AlertTransition,
  type RuleSample,
  type RuleThreshold,
  type RuleValues,
  type StateSpan,
} from "./alerts";
export type { Expr } from "./ast";
export { parseDuration } from "./duration";
export { evaluate } from "./eval";
export { extrapolatedRate } from "./functions";
export { parsePromQL } from "./parse";
export { bucketQuantile, type Bucket } from "./quantile";
export { instantQuery, rangeQuery, type RangeResult } from "./query";
export { scrape, type ScrapeResult } from "./scrape";
export { DEFAULT_BUCKETS, ScrapeScenarioSchema, type ScrapeScenario, type ScrapeScenarioInput } from "./scrape-schema";
export { LOOKBACK_MS, SeriesStore } from "./storage";
export { formatLabels, PromQLError, type Element, type Labels, type Point, type Series, type Value } from "./types";
