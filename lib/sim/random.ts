/**
 * Seeded pseudo-random numbers for the engines (mulberry32): the same seed gives the same
 * sequence in the browser, in Node and in tests. Never Math.random, which would make a timeline
 * impossible to re-verify on the server.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An exponentially distributed value with the given mean (inverse transform sampling). */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}
