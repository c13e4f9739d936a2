import { createTracker, finishTracker, observe, snapshot } from "./stats";
import { arrivalTime, arrive, completeUpTo, inFlight, nextCompletionAt } from "./traffic";
import type { RolloutResult, Sample } from "./types";
import type { World } from "./world";

/**
 * Drives a prepared world to its end. Within one millisecond the order is fixed:
 * requests completing then → clock events then (lifecycle, controllers) → requests arriving then
 * → the sample. So a request finishing exactly when its instance is killed counts as served, and
 * a request arriving at the instant of a change already sees it.
 */
export function run(world: World): RolloutResult {
  const scenario = world.scenario;
  const rate = scenario.requestsPerSecond;
  const tracker = createTracker(world);
  const samples: Sample[] = [];
  let counted = { served: 0, errors: 0 };
  let arrivalIndex = 0;
  let nextArrival = arrivalTime(0, rate);
  let nextSample = 0;
  let end = scenario.horizonMs;

  const settled = () =>
    scenario.stopWhenSettled && world.outcome !== "in-progress" && world.clock.pending === 0;

  /** Runs clock events due by `until`; true once the run has settled. */
  const drain = (until: number): boolean => {
    for (let entry = world.clock.next(until); entry; entry = world.clock.next(until)) {
      world.now = entry.at;
      entry.event();
      observe(tracker, world);
      if (settled()) return true;
    }
    return false;
  };

  const sample = (t: number) => {
    const { served, errors } = world.traffic;
    samples.push({ t, ...snapshot(world), served: served - counted.served, errors: errors - counted.errors });
    counted = { served, errors };
  };

  for (;;) {
    const t = Math.min(nextArrival, nextSample, nextCompletionAt(world), end);
    if (drain(t - 1)) {
      end = world.now;
      break;
    }
    world.now = t;
    if (completeUpTo(world, t)) observe(tracker, world);
    if (drain(t)) end = t;
    while (nextArrival === t) {
      arrive(world, t);
      nextArrival = arrivalTime(++arrivalIndex, rate);
    }
    if (nextSample === t) {
      sample(t);
      nextSample += scenario.sampleEveryMs;
    }
    if (t >= end) break;
  }
  if (samples.at(-1)?.t !== end) sample(end);

  const traffic = world.traffic;
  return {
    scenario,
    events: world.events,
    samples,
    summary: {
      outcome: world.outcome,
      durationMs: world.outcomeAt ?? end,
      endMs: end,
      ...finishTracker(tracker, end),
      requests: traffic.requests,
      served: traffic.served,
      errors: traffic.errors,
      errorsByCause: { ...traffic.byCause },
      inFlightAtEnd: inFlight(world),
    },
  };
}
