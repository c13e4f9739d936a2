import { describe, expect, it } from "vitest";
import { rollingUpdateCapacity } from "./rolling-capacity";

const table = (plan: ReturnType<typeof rollingUpdateCapacity>) =>
  plan.rows.map((r) => [r.old, r.created, r.pods, r.available]);

describe("rollingUpdateCapacity", () => {
  it("reproduces the lesson's worked example: 6 replicas, maxSurge 1, maxUnavailable 0", () => {
    const plan = rollingUpdateCapacity(6, 1, 0);
    expect(plan.ceiling).toBe(7);
    expect(plan.floor).toBe(6);
    expect(table(plan)).toEqual([
      [6, 1, 7, 6],
      [5, 2, 7, 6],
      [4, 3, 7, 6],
      [3, 4, 7, 6],
      [2, 5, 7, 6],
      [1, 6, 7, 6],
      [0, 6, 6, 6],
    ]);
    expect(plan.rows.at(-1)?.after).toBe("New Pod 6 available");
  });

  it("with the 25 % defaults on 6 replicas surges to 8 and dips to 5 available", () => {
    const plan = rollingUpdateCapacity(6, "25%", "25%");
    expect([plan.ceiling, plan.floor]).toEqual([8, 5]);
    expect(plan.rows[0]).toMatchObject({ old: 5, created: 3, pods: 8, available: 5 });
    expect(Math.min(...plan.rows.map((r) => r.available))).toBe(5);
    expect(plan.rows.length).toBeLessThan(7); // finishes in fewer rounds than surge 1 / unavailable 0
  });

  it("never breaks its own limits", () => {
    for (const [surge, unavailable] of [[1, 0], [0, 1], [2, 2], ["50%", "0%"]] as const) {
      const plan = rollingUpdateCapacity(10, surge, unavailable);
      for (const r of plan.rows) {
        expect(r.pods).toBeLessThanOrEqual(plan.ceiling);
        expect(r.available).toBeGreaterThanOrEqual(plan.floor);
      }
      expect(plan.rows.at(-1)).toMatchObject({ old: 0, created: 10, ready: 10 });
    }
  });
});
