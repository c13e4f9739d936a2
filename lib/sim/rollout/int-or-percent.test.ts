import { describe, expect, it } from "vitest";
import { resolveRollingUpdate, scaledValue } from "./int-or-percent";

describe("resolveRollingUpdate (maxSurge rounds up, maxUnavailable rounds down)", () => {
  it.each([
    // replicas, surge, unavailable: ⌈n/4⌉ and ⌊n/4⌋
    [3, 1, 0],
    [4, 1, 1],
    [6, 2, 1],
    [10, 3, 2],
  ])("25%%/25%% of %i replicas → surge %i, unavailable %i", (replicas, surge, unavailable) => {
    expect(resolveRollingUpdate(replicas, "25%", "25%")).toEqual({ surge, unavailable });
  });

  it("takes absolute numbers as they are", () => {
    expect(resolveRollingUpdate(6, 1, 0)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveRollingUpdate(6, 0, 2)).toEqual({ surge: 0, unavailable: 2 });
  });

  it("scales other percentages with the same rounding", () => {
    expect(scaledValue("10%", 6, true)).toBe(1);
    expect(scaledValue("10%", 6, false)).toBe(0);
    expect(scaledValue("50%", 5, true)).toBe(3);
    expect(scaledValue("100%", 7, false)).toBe(7);
  });

  it("if both only round to 0, maxUnavailable becomes 1 so the rollout can move", () => {
    expect(resolveRollingUpdate(3, "0%", "10%")).toEqual({ surge: 0, unavailable: 1 });
  });

  it("rejects both set to 0", () => {
    expect(() => resolveRollingUpdate(6, 0, 0)).toThrow(/both be 0/);
    expect(() => resolveRollingUpdate(6, "0%", 0)).toThrow(RangeError);
  });
});
