import { describe, expect, it } from "vitest";
import { cpuMax, simulateCpu } from "./index";

describe("CFS quota from --cpus", () => {
  it("writes cpu.max as Docker does: period 100 ms, quota = cpus × period", () => {
    expect(cpuMax(1.5)).toEqual({ quotaUs: 150_000, periodUs: 100_000 });
    expect(cpuMax(0.25)).toEqual({ quotaUs: 25_000, periodUs: 100_000 });
    expect(cpuMax(null)).toEqual({ quotaUs: null, periodUs: 100_000 });
  });

  it("one 120 ms request under --cpus 0.5 takes 220 ms and is throttled twice", () => {
    // Quota 50 ms per 100 ms: runs 0–50, throttled 50–100, runs 100–150, throttled 150–200,
    // runs 200–220. Latency 220 ms; 3 active periods, 2 throttled, 100 ms throttled.
    const { summary } = simulateCpu({ cpus: 0.5, requestsPerSecond: 0.001, cpuMsPerRequest: 120, horizonMs: 1_000 });
    expect(summary).toMatchObject({
      requests: 1,
      completed: 1,
      p50Ms: 220,
      p99Ms: 220,
      nrPeriods: 3,
      nrThrottled: 2,
      throttledMs: 100,
      cpuUsedMs: 120,
    });
  });

  it("40 requests/s of 20 ms with a whole CPU: every request takes 20 ms, never throttled", () => {
    // Demand 0.8 CPU, a request every 25 ms, each done 5 ms before the next arrives.
    const { summary } = simulateCpu({ cpus: 1, requestsPerSecond: 40, cpuMsPerRequest: 20, horizonMs: 60_000 });
    expect(summary).toMatchObject({ requests: 2_400, completed: 2_400, p50Ms: 20, p99Ms: 20, nrThrottled: 0, throttledMs: 0 });
    expect(summary.utilisation).toBe(0.8);
  });

  it("--cpus 0.8 is exactly enough: the quota runs out as the 4th request of each period finishes", () => {
    // Arrivals at 0, 25, 50, 75 ms of each period, 20 ms each: 80 ms used by 95 ms, nothing waits.
    const { summary } = simulateCpu({ cpus: 0.8, requestsPerSecond: 40, cpuMsPerRequest: 20, horizonMs: 10_000 });
    expect(summary).toMatchObject({ completed: 400, p99Ms: 20, nrThrottled: 0, backlogAtEnd: 0 });
  });

  it("--cpus 0.6 under 0.8 CPU of demand: throttling every period and latency growing by 25 ms a period", () => {
    // Period 0: A0 0–20, A1 25–45, A2 50–70 (quota 60 used), A3 arrives 75, throttled 75–100.
    // Period j ≥ 1 runs 100j … 100j+60 non-stop: requests 3j, 3j+1, 3j+2 finish at +20, +40, +60,
    // having arrived at 75j, 75j+25, 75j+50: latencies 25j+20, 25j+15, 25j+10.
    // In 1 s: 30 done (600 ms CPU / 20), 10 waiting; throttled 25 + 9 × 40 = 385 ms in 10 periods.
    // Sorted latencies 20,20,20, 35,40,45, 60,65,70, 85,90,95, 110,115,120, …: p50 (rank 15) = 120;
    // the largest, request 27 (j = 9), 245.
    const { summary, samples } = simulateCpu({ cpus: 0.6, requestsPerSecond: 40, cpuMsPerRequest: 20, horizonMs: 1_000 });
    expect(summary).toMatchObject({
      requests: 40,
      completed: 30,
      backlogAtEnd: 10,
      p50Ms: 120,
      p99Ms: 245,
      nrPeriods: 10,
      nrThrottled: 10,
      throttledMs: 385,
      cpuUsedMs: 600,
    });
    expect(summary.utilisation).toBe(1.333);
    expect(samples).toEqual([{ t: 1_000, completed: 30, p50Ms: 120, p99Ms: 245, cpuMs: 600, throttledMs: 385, backlog: 10 }]);
  });

  it("two threads share one quota: --cpus 1 with two busy threads runs each for 50 ms a period", () => {
    // A0 (150 ms) alone 0–100: the quota ends with the period, no throttle. A1 arrives at 100:
    // both run 100–150 (A0 done, latency 150), quota gone, throttled 150–200. A2 arrives 200:
    // A1 and A2 run 200–250, throttled 250–300. 2 throttles, 100 ms, 300 ms of CPU.
    const { summary } = simulateCpu({
      cpus: 1,
      threads: 2,
      requestsPerSecond: 10,
      cpuMsPerRequest: 150,
      horizonMs: 300,
      sampleEveryMs: 100,
    });
    expect(summary).toMatchObject({ completed: 1, p50Ms: 150, nrThrottled: 2, throttledMs: 100, cpuUsedMs: 300, backlogAtEnd: 2 });
    // The same with --cpus 2 (quota 200): no throttling; A0 done at 150, A1 runs 100–250: both 150.
    expect(simulateCpu({ cpus: 2, threads: 2, requestsPerSecond: 10, cpuMsPerRequest: 150, horizonMs: 300 }).summary).toMatchObject({
      completed: 2,
      nrThrottled: 0,
      p50Ms: 150,
    });
  });

  it("no --cpus: a single Node thread is limited only by itself", () => {
    // 60 requests/s of 20 ms = 1.2 CPU on one thread: overloaded without any throttling.
    // Request k arrives at ⌊k·1000/60⌋ ms and finishes at 20(k+1): after 1 s, 50 done, 10 waiting.
    const { summary } = simulateCpu({ cpus: null, requestsPerSecond: 60, cpuMsPerRequest: 20, horizonMs: 1_000 });
    expect(summary).toMatchObject({ completed: 50, backlogAtEnd: 10, nrThrottled: 0 });
  });

  it("Poisson arrivals and exponential costs are seeded: same seed, same run", () => {
    const input = { cpus: 1, requestsPerSecond: 40, arrivals: "poisson", cost: "exponential", horizonMs: 600_000 } as const;
    const a = simulateCpu(input);
    expect(simulateCpu(input)).toEqual(a);
    expect(simulateCpu({ ...input, seed: 2 }).summary).not.toEqual(a.summary);
    // 600 s at 40/s ≈ 24 000 arrivals; bursts make the tail far longer than the 20 ms mean.
    expect(Math.abs(a.summary.requests - 24_000)).toBeLessThan(600);
    expect(a.summary.p99Ms!).toBeGreaterThan(100);
  });

  it("the CPU lab's shape: 40 requests/s of 10 ms need more than 0.4 CPU to keep p99 under 200 ms", () => {
    // Demand is 0.4 CPU, but bursts (Poisson arrivals, exponential costs, seed 1) hit the quota:
    // --cpus 0.5 is throttled in over half the periods and p99 is far above 200 ms; 0.6 passes.
    const run = (cpus: number | null) =>
      simulateCpu({ cpus, requestsPerSecond: 40, arrivals: "poisson", cost: "exponential", cpuMsPerRequest: 10, horizonMs: 600_000 })
        .summary;
    const half = run(0.5);
    expect(half.p99Ms!).toBeGreaterThan(300);
    expect(half.nrThrottled).toBeGreaterThan(half.nrPeriods / 2);
    expect(run(0.6).p99Ms!).toBeLessThan(200);
    // Without a quota nothing is throttled and p99 is lower still.
    expect(run(null)).toMatchObject({ nrThrottled: 0, throttledMs: 0 });
    expect(run(null).p99Ms!).toBeLessThan(run(0.6).p99Ms!);
  });

  it("a single Node thread cannot use more than one CPU: past --cpus 1 only more threads help", () => {
    // 40 requests/s of 20 ms (exponential): ρ = 0.8 on one event loop, p99 ≈ 420 ms at any quota.
    const run = (cpus: number, threads: number) =>
      simulateCpu({ cpus, threads, requestsPerSecond: 40, arrivals: "poisson", cost: "exponential", cpuMsPerRequest: 20, horizonMs: 600_000 })
        .summary.p99Ms!;
    expect(run(2, 1)).toBe(run(1, 1));
    expect(run(1, 1)).toBeGreaterThan(400);
    expect(run(1.5, 2)).toBeLessThan(200);
  });

  it("the windows add up to the summary", () => {
    const { samples, summary } = simulateCpu({ cpus: 0.7, requestsPerSecond: 40, arrivals: "poisson", horizonMs: 120_000 });
    expect(samples).toHaveLength(120);
    expect(samples.reduce((sum, s) => sum + s.completed, 0)).toBe(summary.completed);
    expect(samples.reduce((sum, s) => sum + s.throttledMs, 0)).toBeCloseTo(summary.throttledMs, 6);
    expect(samples.reduce((sum, s) => sum + s.cpuMs, 0)).toBeCloseTo(summary.cpuUsedMs, 6);
  });
});
