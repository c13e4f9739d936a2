// Prints how fast the memory and CPU engine (lib/sim/memory) covers 24 hours of virtual time.
//   npm run bench:memory
// Memory: a leaking server OOM-killed and restarted all day, and a crash loop at the 1 min
// back-off cap. CPU: 40 requests/s for 24 h (3.5 million requests simulated one by one, with
// Poisson arrivals and exponential costs) under --cpus 0.9, and a uniform run under --cpus 0.8.
import { simulateCpu, simulateMemory, type CpuScenarioInput, type MemoryScenarioInput } from "../lib/sim/memory";

const DAY_MS = 24 * 3_600_000;

function timeMemory(label: string, input: MemoryScenarioInput): void {
  const start = performance.now();
  const { summary, events, samples } = simulateMemory(input);
  const wall = performance.now() - start;
  console.log(
    `memory, ${label}: 24 h virtual in ${wall.toFixed(0)} ms wall; ${summary.exits.length} exits ` +
      `(${summary.oomKills} OOM kills, ${summary.heapLimitCrashes} heap-limit), ${summary.restarts} restarts, ` +
      `${events.length} events, ${samples.length} samples`,
  );
}

function timeCpu(label: string, input: CpuScenarioInput): void {
  const start = performance.now();
  const { summary, samples } = simulateCpu(input);
  const wall = performance.now() - start;
  console.log(
    `cpu, ${label}: 24 h virtual in ${wall.toFixed(0)} ms wall; ${summary.requests.toLocaleString("en")} requests, ` +
      `p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, ${summary.nrThrottled.toLocaleString("en")} of ` +
      `${summary.nrPeriods.toLocaleString("en")} periods throttled, ${samples.length} samples`,
  );
}

timeMemory("leaking server OOM-killed every 7.7 min, restart always", {
  memoryMb: 512,
  memorySwapMb: 512,
  maxOldSpaceSizeMb: 1_024,
  restartPolicy: "always",
  horizonMs: DAY_MS,
  sampleEveryMs: 1_000,
  workload: { nativeMb: 40, heapMb: 10, phases: [{ durationMs: null, heapMbPerMin: 60 }] },
});
timeMemory("crash at start, back-off capped at 1 min", {
  memoryMb: 512,
  maxOldSpaceSizeMb: 128,
  restartPolicy: "unless-stopped",
  horizonMs: DAY_MS,
  sampleEveryMs: 1_000,
  workload: { heapMb: 200 },
});
timeCpu("--cpus 0.9, Poisson arrivals, exponential costs", {
  cpus: 0.9,
  requestsPerSecond: 40,
  arrivals: "poisson",
  cost: "exponential",
  horizonMs: DAY_MS,
  sampleEveryMs: 10_000,
});
timeCpu("--cpus 0.8, uniform arrivals, 20 ms each", {
  cpus: 0.8,
  requestsPerSecond: 40,
  horizonMs: DAY_MS,
  sampleEveryMs: 10_000,
});
