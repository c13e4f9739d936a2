import { exponential, seededRandom } from "../random";
import { cpuMax, parseCpuScenario, type CpuScenario, type CpuScenarioInput } from "./cpu-schema";
import { percentile } from "./percentile";

/** One sampled window: requests finished in it, their latency, and what the CFS did. */
export type CpuSample = {
  t: number;
  completed: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** CPU time used in the window, ms. */
  cpuMs: number;
  /** Wall time the group sat throttled with work waiting, ms. */
  throttledMs: number;
  /** Requests waiting or running at the sample instant. */
  backlog: number;
};

export type CpuSummary = {
  quotaUs: number | null;
  periodUs: number;
  requests: number;
  completed: number;
  backlogAtEnd: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** cpu.stat: periods with runnable work, periods that ran out of quota, time throttled. */
  nrPeriods: number;
  nrThrottled: number;
  throttledMs: number;
  cpuUsedMs: number;
  /** Demand as a share of the quota (or of the threads without one); above 1 the backlog grows. */
  utilisation: number;
};

export type CpuResult = { scenario: CpuScenario; samples: CpuSample[]; summary: CpuSummary };

/**
 * CFS bandwidth control for one cgroup (kernel Documentation/scheduler/sched-bwc.rst): every
 * period the group gets `quota` of CPU time across all its threads; once it is used, the group's
 * threads are throttled until the next period starts. Requests queue first-in first-out for the
 * app's threads. Time is integer microseconds, event by event: arrivals, completions, quota
 * running out, period boundaries.
 */
export function simulateCpu(input: CpuScenarioInput): CpuResult {
  const scenario = parseCpuScenario(input);
  const { quotaUs, periodUs } = cpuMax(scenario.cpus);
  const horizonUs = scenario.horizonMs * 1000;
  const sampleUs = scenario.sampleEveryMs * 1000;
  const arrivalsRandom = seededRandom(scenario.seed);
  const costRandom = seededRandom(scenario.seed ^ 0x5bd1e995);
  const meanCostUs = scenario.cpuMsPerRequest * 1000;
  const rate = scenario.requestsPerSecond;

  const costOf = () =>
    Math.max(1, Math.round(scenario.cost === "fixed" ? meanCostUs : exponential(costRandom, meanCostUs)));
  let arrivalIndex = 0;
  let poissonAt = 0;
  const arrivalAt = (k: number): number => {
    if (rate <= 0) return Infinity;
    if (scenario.arrivals === "uniform") return Math.floor((k * 1_000_000) / rate);
    if (k > 0) poissonAt += Math.max(1, Math.round(exponential(arrivalsRandom, 1_000_000 / rate)));
    return poissonAt;
  };

  // Waiting requests (arrival time and cost), a ring of plain arrays for speed.
  const waitArrival: number[] = [];
  const waitCost: number[] = [];
  let waitHead = 0;
  // Running requests, one per busy thread.
  const busyArrival: number[] = [];
  const busyLeft: number[] = [];

  let now = 0;
  let nextArrival = arrivalAt(0);
  let periodEnd = periodUs;
  let budget = quotaUs ?? Infinity;
  let throttled = false;
  let activeThisPeriod = false;
  let requests = 0;
  let nrPeriods = 0;
  let nrThrottled = 0;
  let throttledUs = 0;
  let cpuUsedUs = 0;
  let demandUs = 0;
  const latencies: number[] = [];
  let windowLatencies: number[] = [];
  let windowCpuUs = 0;
  let windowThrottledUs = 0;
  let nextSample = sampleUs;
  const samples: CpuSample[] = [];

  const dispatch = () => {
    while (busyLeft.length < scenario.threads && waitHead < waitArrival.length) {
      busyArrival.push(waitArrival[waitHead]!);
      busyLeft.push(waitCost[waitHead]!);
      waitHead++;
    }
    if (waitHead > 4096 && waitHead * 2 > waitArrival.length) {
      waitArrival.splice(0, waitHead);
      waitCost.splice(0, waitHead);
      waitHead = 0;
    }
    if (busyLeft.length > 0) activeThisPeriod = true;
  };

  const takeSample = (t: number) => {
    // A typed array sorts numerically in native code: far faster than a comparator.
    const sorted = Float64Array.from(windowLatencies).sort();
    samples.push({
      t: t / 1000,
      completed: sorted.length,
      p50Ms: sorted.length ? percentile(sorted, 50) / 1000 : null,
      p99Ms: sorted.length ? percentile(sorted, 99) / 1000 : null,
      cpuMs: windowCpuUs / 1000,
      throttledMs: windowThrottledUs / 1000,
      backlog: busyLeft.length + waitArrival.length - waitHead,
    });
    windowLatencies = [];
    windowCpuUs = 0;
    windowThrottledUs = 0;
  };

  while (now < horizonUs) {
    const busy = busyLeft.length;
    let next = Math.min(nextArrival, periodEnd, nextSample, horizonUs);
    if (!throttled && busy > 0) {
      let shortest = Infinity;
      for (const left of busyLeft) shortest = Math.min(shortest, left);
      next = Math.min(next, now + shortest);
      // All busy threads draw on the one quota at once.
      if (budget !== Infinity) next = Math.min(next, now + Math.ceil(budget / busy));
    }
    const dt = next - now;
    if (dt > 0) {
      if (!throttled && busy > 0) {
        const used = Math.min(dt * busy, budget === Infinity ? Infinity : budget);
        // With several threads and a ceil'd step, the last µs of quota is shared out evenly.
        const each = Math.min(dt, Math.floor(used / busy));
        for (let i = 0; i < busy; i++) busyLeft[i] = busyLeft[i]! - each;
        cpuUsedUs += each * busy;
        windowCpuUs += each * busy;
        if (budget !== Infinity) {
          budget -= each * busy;
          // Less than 1 µs per busy thread left: counted as spent, or the step would never move.
          if (budget < busy) budget = 0;
        }
      } else if (throttled && busy > 0) {
        throttledUs += dt;
        windowThrottledUs += dt;
      }
      now = next;
    }
    // Completions first: a request that finishes as the quota runs out still finishes.
    for (let i = busyLeft.length - 1; i >= 0; i--) {
      if (busyLeft[i]! <= 0) {
        const latency = now - busyArrival[i]!;
        latencies.push(latency);
        windowLatencies.push(latency);
        busyLeft.splice(i, 1);
        busyArrival.splice(i, 1);
      }
    }
    if (now === periodEnd) {
      if (activeThisPeriod) nrPeriods++;
      periodEnd += periodUs;
      budget = quotaUs ?? Infinity;
      throttled = false;
      activeThisPeriod = busyLeft.length > 0 || waitHead < waitArrival.length;
    }
    while (nextArrival === now && now < horizonUs) {
      const cost = costOf();
      demandUs += cost;
      waitArrival.push(now);
      waitCost.push(cost);
      requests++;
      nextArrival = arrivalAt(++arrivalIndex);
    }
    dispatch();
    if (!throttled && budget <= 0 && busyLeft.length > 0) {
      throttled = true;
      nrThrottled++;
    }
    if (now === nextSample) {
      takeSample(now);
      nextSample += sampleUs;
    }
  }
  if (samples.at(-1)?.t !== horizonUs / 1000) takeSample(horizonUs);
  // The period the horizon cut short counts if it had begun and saw work.
  if (activeThisPeriod && now > periodEnd - periodUs) nrPeriods++;

  const sorted = Float64Array.from(latencies).sort();
  const capacityUs = (quotaUs === null ? scenario.threads * periodUs : Math.min(quotaUs, scenario.threads * periodUs)) * (horizonUs / periodUs);
  const ms = (us: number | undefined) => (us === undefined || Number.isNaN(us) ? null : us / 1000);
  return {
    scenario,
    samples,
    summary: {
      quotaUs,
      periodUs,
      requests,
      completed: sorted.length,
      backlogAtEnd: busyLeft.length + waitArrival.length - waitHead,
      p50Ms: ms(percentile(sorted, 50)),
      p99Ms: ms(percentile(sorted, 99)),
      maxMs: ms(sorted.at(-1)),
      nrPeriods,
      nrThrottled,
      throttledMs: throttledUs / 1000,
      cpuUsedMs: cpuUsedUs / 1000,
      utilisation: Math.round((demandUs / capacityUs) * 1000) / 1000,
    },
  };
}
