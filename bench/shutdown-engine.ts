// Runs the shutdown engine over 24 hours of virtual time: a request every 50 ms lasting 20–500 ms
// (half on 8 pooled keep-alive connections), then a Kubernetes Pod deletion with a 5 s preStop
// and the graceful handler, with traffic going on for a minute after. Prints wall time and events.
//   npx tsx bench/shutdown-engine.ts
import { runShutdown, simulateShutdown, type RequestSpec, type ShutdownScenario } from "../lib/sim/shutdown";

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 50;
const AFTER_STOP_MS = 60_000;

/** mulberry32: a tiny seeded PRNG, so every run simulates the same traffic. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(42);
const requests: RequestSpec[] = [];
for (let i = 0, at = 0; at < DAY_MS + AFTER_STOP_MS; i++, at += EVERY_MS) {
  const durationMs = 20 + Math.floor(next() * 481);
  requests.push(
    i % 2
      ? { id: `r${i}`, atMs: at, durationMs, connection: `pool-${(i >> 1) % 8}` }
      : { id: `r${i}`, atMs: at, durationMs },
  );
}

const scenario: ShutdownScenario = {
  platform: { kind: "kubernetes", preStopMs: 5_000 },
  routing: { endpointRemovalDelayMs: 1_000, readinessProbe: { periodMs: 5_000, failureThreshold: 1 } },
  stopAtMs: DAY_MS,
  requests,
};
const program = { builtin: "graceful", drainDelayMs: 2_000, forceExitMs: 25_000 } as const;

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

let streamed = 0;
let start = performance.now();
runShutdown(scenario, program, () => streamed++);
console.log(`streaming run: ${streamed.toLocaleString("en")} events in ${ms(start)}`);

start = performance.now();
const { events, summary } = simulateShutdown(scenario, program);
console.log(`collecting run: ${events.length.toLocaleString("en")} events in ${ms(start)}`);
console.log(
  `requests simulated: ${requests.length.toLocaleString("en")} over ${((DAY_MS + AFTER_STOP_MS) / 3_600_000).toFixed(2)} h of virtual time`,
);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

const counts = new Map<string, number>();
for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
for (const [type, count] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${type.padEnd(24)} ${count.toLocaleString("en").padStart(10)}`);
}
console.log("summary:", JSON.stringify(summary));
