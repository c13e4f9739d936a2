import { describe, expect, it } from "vitest";
import { createRng, hashString, unitHash } from "./prng";

function draws(seed: number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
}

describe("createRng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    expect(draws(42, 50)).toEqual(draws(42, 50));
    expect(draws(42, 50)).not.toEqual(draws(43, 50));
  });

  it("stays in [0, 1) with a mean near one half", () => {
    const values = draws(7, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it("draws integers with both ends included and nothing outside", () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("picks by weight: a weight of zero is never picked, 3:1 comes out near 75%", () => {
    const rng = createRng(9);
    const picks = Array.from({ length: 8_000 }, () => rng.weighted(["a", "b", "c"], [3, 1, 0]));
    expect(picks).not.toContain("c");
    expect(picks.filter((pick) => pick === "a").length / picks.length).toBeCloseTo(0.75, 1);
  });

  it("rejects a weighted pick with no positive weight and a pick from an empty list", () => {
    const rng = createRng(1);
    expect(() => rng.weighted(["a"], [0])).toThrow();
    expect(() => rng.pick([])).toThrow();
  });

  it("draws normal values with mean about 0 and standard deviation about 1", () => {
    const rng = createRng(5);
    const values = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(1, 1);
  });

  it("forks by label: the same label gives the same stream whatever was drawn before", () => {
    const a = createRng(11);
    const b = createRng(11);
    b.next();
    b.next();
    expect(a.fork("learner:3").next()).toBe(b.fork("learner:3").next());
    expect(a.fork("learner:3").next()).not.toBe(a.fork("learner:4").next());
  });
});

describe("hashString / unitHash", () => {
  it("is stable and spreads similar texts apart", () => {
    expect(hashString("hc-exit-codes")).toBe(hashString("hc-exit-codes"));
    expect(hashString("a")).not.toBe(hashString("b"));
    expect(unitHash("x")).toBeGreaterThanOrEqual(0);
    expect(unitHash("x")).toBeLessThan(1);
  });
});
