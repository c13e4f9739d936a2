import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "p99-latency-per-route",
  title: "The p99 latency of each route, from a histogram scraped off two replicas",
  lesson: "monitoring",
  lessonSection: "promql-you-will-actually-use",
  summary: "Write the PromQL that gives one 99th-percentile latency per route, all replicas together.",
  goal:
    "Two replicas of the shop's API expose http_request_duration_seconds, a histogram with the labels route and " +
    "instance. Write one PromQL query that returns exactly one value per route: the 99th percentile of request " +
    "latency over the last 5 minutes, across both replicas. It is checked at 15:00, when everything is calm, and at " +
    "40:00, fifteen minutes into a slow stretch on /search, against the value Prometheus computes from the " +
    "buckets. Values are in seconds.",
  kind: "promql-query",
  scenario: {
    scrape: {
      scrapeIntervalMs: 15_000,
      horizonMs: 2_700_000,
      targets: [{ instance: "app-1:3000" }, { instance: "app-2:3000", offsetMs: 7_000 }],
      routes: [
        { route: "/orders", requestsPerSecond: 10, latencyMs: { minMs: 20, maxMs: 180 } },
        { route: "/search", requestsPerSecond: 25, latencyMs: { minMs: 50, maxMs: 450 } },
        { route: "/health", requestsPerSecond: 1, latencyMs: { minMs: 1, maxMs: 4 } },
      ],
      incidents: [{ fromMs: 1_500_000, toMs: 2_700_000, route: "/search", latencyMs: { minMs: 200, maxMs: 2_200 } }],
    },
    reference: "histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))",
  },
  checks: [
    { type: "query-per-label", atMs: 900_000, by: "route", tolerance: 0.01, label: "One p99 per route at 15:00, all replicas together" },
    { type: "query-per-label", atMs: 2_400_000, by: "route", tolerance: 0.01, label: "One p99 per route at 40:00, during the slow stretch on /search" },
  ],
  input: { starterText: "histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m]))\n" },
  hints: [
    "Run the starter and count the values: how many does it give for /orders, and which label tells them apart?",
    "histogram_quantile works on buckets. Whatever you aggregate before it must keep the label that names each bucket's upper bound, or there are no buckets left to interpolate in.",
    "Rate first, then aggregate, then take the quantile: the aggregation keeps exactly the labels you want in the answer, plus the bucket label.",
  ],
  solution: {
    text: "histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))\n",
    explanation:
      "rate() turns each bucket counter into a per-second rate over 5 minutes. sum by (le, route) adds the two " +
      "replicas' bucket rates while keeping le, the bucket bound histogram_quantile needs, and route, the label we " +
      "want one answer for. histogram_quantile then finds the bucket holding the 99th percentile and interpolates " +
      "inside it: on /search during the slow stretch (latencies 0.2–2.2 s), 40 % of requests fall under 1 s and " +
      "all under 2.5 s, so p99 = 1 + 1.5 × (0.99 − 0.4) / 0.6 = 2.475 s. Without the sum you get one value per " +
      "replica; summing by route alone drops le and leaves nothing to compute.",
  },
};

export default lab;
