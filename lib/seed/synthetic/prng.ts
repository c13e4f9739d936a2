/**
 * A small seeded pseudo-random generator (mulberry32) with the draws the
 * synthetic cohort needs. Same seed, same sequence, on every machine: the demo
 * data and its tests are reproducible.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** Uniform in [min, max). */
  between: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks by relative weight (weights ≥ 0, at least one > 0). */
  weighted: <T>(items: readonly T[], weights: readonly number[]) => T;
  /** Standard normal draw (Box–Muller). */
  normal: () => number;
  /** An independent generator derived from this one and a label, so adding draws in one place does not reshuffle another. */
  fork: (label: string) => Rng;
};

/** FNV-1a: a stable 32-bit hash for seeds and per-item traits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) fixed by a text: a trait of a question or option that never changes. */
export function unitHash(text: string): number {
  return hashString(text) / 2 ** 32;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error("cannot pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items, weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      if (items.length === 0 || !(total > 0)) throw new Error("weighted pick needs a positive weight");
      let roll = next() * total;
      for (let index = 0; index < items.length; index += 1) {
        roll -= weights[index] ?? 0;
        if (roll < 0) return items[index]!;
      }
      return items[items.length - 1]!;
    },
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: (label) => createRng(hashString(`${seed}:${label}`)),
  };
  return rng;
}
