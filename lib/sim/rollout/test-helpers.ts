import type { EventType, RolloutEvent, RolloutResult, Sample } from "./types";

/** Shared look-ups for the rollout tests. */
export function eventsOf<T extends EventType>(
  result: RolloutResult,
  type: T,
): Array<Extract<RolloutEvent, { type: T }>> {
  return result.events.filter((event): event is Extract<RolloutEvent, { type: T }> => event.type === type);
}

/** Times (s) of events of one type, optionally for one instance. */
export function secondsOf(result: RolloutResult, type: EventType, id?: string): number[] {
  return result.events
    .filter((event) => event.type === type && (id === undefined || ("id" in event && event.id === id)))
    .map((event) => event.at / 1000);
}

export function sampleAt(result: RolloutResult, seconds: number): Sample {
  const sample = result.samples.find((candidate) => candidate.t === seconds * 1000);
  if (!sample) throw new Error(`no sample at ${seconds} s`);
  return sample;
}

/** Time spent at each capacity, in seconds. */
export function secondsAtCapacity(result: RolloutResult): Record<number, number> {
  return Object.fromEntries(result.summary.capacityMs.map(({ capacity, ms }) => [capacity, ms / 1000]));
}
