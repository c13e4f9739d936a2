// Prints how fast the PromQL engine (lib/sim/promql) scrapes and queries 24 hours of virtual time.
//   npm run bench:promql
// 3 targets × 3 routes scraped every 15 s for 24 h (a 2 % error incident and a 30 s blip), then
// an alerting rule evaluated every 15 s over the whole day and a p99-per-route range query at
// a 1-minute step.
import { rangeQuery, runAlertRule, scrape } from "../lib/sim/promql";

const DAY_MS = 24 * 3_600_000;

let start = performance.now();
const { store, samples, scrapes } = scrape({
  horizonMs: DAY_MS,
  targets: ["app-1:3000", "app-2:3000", "app-3:3000"].map((instance, index) => ({
    instance,
    offsetMs: index * 5_000,
    restartsAtMs: index === 1 ? [6 * 3_600_000] : [],
  })),
  routes: [
    { route: "/orders", requestsPerSecond: 20, errorRatio: 0.001, latencyMs: { minMs: 20, maxMs: 180 } },
    { route: "/products", requestsPerSecond: 50, latencyMs: { minMs: 5, maxMs: 60 } },
    { route: "/checkout", requestsPerSecond: 5, errorRatio: 0.002, latencyMs: { minMs: 80, maxMs: 900 } },
  ],
  incidents: [
    { fromMs: 3 * 3_600_000, toMs: 3 * 3_600_000 + 30_000, errorRatio: 1 },
    { fromMs: 12 * 3_600_000, toMs: 13 * 3_600_000, route: "/checkout", errorRatio: 0.02 },
  ],
});
const scrapeMs = performance.now() - start;
console.log(
  `scrape: 24 h virtual in ${scrapeMs.toFixed(0)} ms wall; ${scrapes.toLocaleString("en")} scrapes, ` +
    `${samples.toLocaleString("en")} samples in ${store.series.length} series`,
);

start = performance.now();
const alert = runAlertRule(
  {
    name: "HighErrorRate",
    expr: 'sum by (route) (rate(http_requests_total{code="500"}[1m])) / sum by (route) (rate(http_requests_total[1m])) > 0.01',
    forMs: 120_000,
  },
  store,
  { startMs: 0, endMs: DAY_MS, intervalMs: 15_000 },
);
console.log(
  `alert rule: ${alert.evaluations.toLocaleString("en")} evaluations over 24 h in ${(performance.now() - start).toFixed(0)} ms wall; ` +
    `${alert.transitions.length} transitions, first firing at ${alert.firstFiringAt === null ? "never" : `${alert.firstFiringAt / 3_600_000} h`}`,
);

start = performance.now();
const p99 = rangeQuery(
  "histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))",
  store,
  0,
  DAY_MS,
  60_000,
);
const points = p99.type === "matrix" ? p99.series.reduce((sum, s) => sum + s.points.length, 0) : p99.points.length;
console.log(`p99 per route range query, 1 min step over 24 h: ${(performance.now() - start).toFixed(0)} ms wall; ${points} points`);
