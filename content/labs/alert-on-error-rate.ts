import type { LabInput } from "@/lib/labs/schema";

// Two instances serving /orders and /search with a background of 0.2 % errors.
const app = {
  scrapeIntervalMs: 15_000,
  horizonMs: 1_800_000,
  targets: [{ instance: "app-1:3000" }, { instance: "app-2:3000", offsetMs: 7_000 }],
  routes: [
    { route: "/orders", requestsPerSecond: 10, errorRatio: 0.002 },
    { route: "/search", requestsPerSecond: 20, errorRatio: 0.002 },
  ],
};

const lab: LabInput = {
  slug: "alert-on-error-rate",
  title: "An alert that catches a 2 % error rate within 5 minutes but sleeps through a 30 s blip",
  lesson: "monitoring",
  lessonSection: "alerting-rules-for-alertmanager-routing",
  summary: "Write the expr and for: of an alerting rule, checked against a real outage and a short blip.",
  goal:
    "The shop's API normally fails 0.2 % of its requests. Write one Prometheus alerting rule (expr and for:) that " +
    "pages when 2 % of requests start failing and keeps failing, no later than 5 minutes after it starts, but stays " +
    "quiet when a deploy makes every request fail for 30 seconds and then recovers. Your rule is evaluated every " +
    "15 s against both runs, with Prometheus' own pending and firing rules.",
  kind: "promql-alert",
  scenario: {
    ruleName: "HighErrorRate",
    evaluationIntervalMs: 15_000,
    runs: [
      {
        id: "outage",
        label: "A real outage",
        description: "From 10:00 on, 2 % of requests fail on both instances, until the end at 30:00.",
        scrape: { ...app, incidents: [{ fromMs: 600_000, toMs: 1_800_000, errorRatio: 0.02 }] },
        incidentAtMs: 600_000,
        endMs: 1_800_000,
      },
      {
        id: "blip",
        label: "A 30 s blip",
        description: "From 10:00 to 10:30 every request fails, then the errors go back to 0.2 %.",
        scrape: { ...app, incidents: [{ fromMs: 600_000, toMs: 630_000, errorRatio: 1 }] },
        incidentAtMs: 600_000,
        endMs: 1_800_000,
      },
    ],
  },
  checks: [
    { type: "alert-fires-within", run: "outage", withinMs: 300_000, label: "The outage pages someone within 5 minutes" },
    { type: "alert-stays-quiet", run: "blip", label: "The 30 s blip pages nobody" },
  ],
  input: {
    starterText: [
      "# One alerting rule, as in a Prometheus rules file.",
      "alert: HighErrorRate",
      'expr: sum(rate(http_requests_total{code="500"}[5m])) / sum(rate(http_requests_total[5m])) > 0.01',
      "for: 0s",
      "",
    ].join("\n"),
  },
  hints: [
    "Run the starter and read when it fires in each run. A rule with for: 0s fires on the very first evaluation that returns a result.",
    "The range in rate(…[5m]) decides how long one burst keeps the ratio high: 30 s of 100 % errors averaged over 5 minutes still looks like 10 %, for 5 minutes.",
    "Make the window short enough that the blip leaves it quickly, then ask the condition to hold for longer than that with for:. Keep window + for: well under 5 minutes.",
  ],
  solution: {
    text: [
      "alert: HighErrorRate",
      'expr: sum(rate(http_requests_total{code="500"}[1m])) / sum(rate(http_requests_total[1m])) > 0.01',
      "for: 2m",
      "",
    ].join("\n"),
    explanation:
      "A 1-minute window reacts fast: once 2 % of requests fail, the ratio passes 1 % within about 30 s and the rule " +
      "goes pending. for: 2m then asks it to stay true for two more minutes, so the outage fires 2:30 after it " +
      "began, well inside 5 minutes. The blip pushes the 1-minute ratio over 1 % for only about 75 s, shorter than " +
      "for: 2m, so the alert goes pending and is dropped without firing. With the 5-minute window the blip keeps the " +
      "ratio high for 5 minutes and would fire even with for: 2m.",
  },
};

export default lab;
