// Prints how fast the rollout engine (lib/sim/rollout) covers 24 hours of virtual time with
// 6 replicas and 50 requests/s, every request simulated one by one (no aggregation).
//   npx tsx bench/rollout-engine.ts
// Part 1: back-to-back rollouts of every strategy until their virtual time adds up to 24 h.
// Part 2: single 24 h runs (one rollout, then a day of traffic; a paused Swarm update whose
// broken task crash-loops all day).
import { simulateRollout, type RolloutResult, type RolloutScenarioInput } from "../lib/sim/rollout";

const DAY_MS = 24 * 3_600_000;
const common = { replicas: 6, requestsPerSecond: 50 } as const;

const cycle: RolloutScenarioInput[] = [
  { strategy: "swarm", ...common, updateConfig: { delayMs: 10_000, monitorMs: 30_000 } },
  { strategy: "swarm", ...common, updateConfig: { order: "start-first", delayMs: 10_000 } },
  { strategy: "kubernetes", ...common, maxSurge: 1, maxUnavailable: 0, minReadyMs: 10_000, preStopMs: 5_000 },
  { strategy: "kubernetes", ...common },
  { strategy: "blue-green", ...common, switchAtMs: 60_000, rollbackAtMs: 300_000 },
  {
    strategy: "canary",
    ...common,
    phases: [
      { weight: 10, durationMs: 300_000 },
      { weight: 50, durationMs: 300_000 },
      { weight: 100, durationMs: 300_000 },
    ],
  },
];

type Totals = {
  runs: number;
  virtualMs: number;
  requests: number;
  errors: number;
  events: Map<string, number>;
};

function add(totals: Totals, result: RolloutResult): void {
  totals.runs++;
  totals.virtualMs += result.summary.endMs;
  totals.requests += result.summary.requests;
  totals.errors += result.summary.errors;
  for (const event of result.events) totals.events.set(event.type, (totals.events.get(event.type) ?? 0) + 1);
}

function report(label: string, totals: Totals, wallMs: number, samples: number): void {
  const events = [...totals.events.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `${label}: ${totals.runs} run(s), ${(totals.virtualMs / 3_600_000).toFixed(2)} h virtual in ` +
      `${wallMs.toFixed(0)} ms wall; ${totals.requests.toLocaleString("en")} requests ` +
      `(${totals.errors.toLocaleString("en")} errors), ${events.toLocaleString("en")} events, ` +
      `${samples.toLocaleString("en")} samples`,
  );
  const byType = [...totals.events.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`  events: ${byType.map(([type, n]) => `${type} ${n}`).join(", ")}`);
}

/** Runs scenarios from `next` (given the virtual time so far) until it returns null. */
function timed(label: string, next: (virtualMs: number) => RolloutScenarioInput | null): void {
  const totals: Totals = { runs: 0, virtualMs: 0, requests: 0, errors: 0, events: new Map() };
  let samples = 0;
  const start = performance.now();
  for (let scenario = next(0); scenario; scenario = next(totals.virtualMs)) {
    const result = simulateRollout(scenario);
    add(totals, result);
    samples += result.samples.length;
  }
  report(label, totals, performance.now() - start, samples);
}

// Part 1: the cycle repeats until the virtual time reaches a day; the last run is cut to fit.
let turn = 0;
timed("back-to-back rollouts", (virtualMs) =>
  virtualMs >= DAY_MS
    ? null
    : { ...cycle[turn++ % cycle.length]!, horizonMs: Math.min(3_600_000, DAY_MS - virtualMs) },
);

// Part 2: one simulation each, 24 h long.
const day = { horizonMs: DAY_MS, stopWhenSettled: false } as const;
const once = (scenario: RolloutScenarioInput) => (virtualMs: number) => (virtualMs === 0 ? scenario : null);
timed(
  "one 24 h run, Kubernetes rollout then steady traffic",
  once({ strategy: "kubernetes", ...common, maxSurge: 1, maxUnavailable: 0, ...day }),
);
timed(
  "one 24 h run, Swarm update paused with a crash-looping task",
  once({ strategy: "swarm", ...common, newVersion: { readyAfterMs: 2_000, crashAfterMs: 4_000 }, ...day }),
);
