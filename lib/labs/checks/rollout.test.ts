import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { simulateRollout } from "@/lib/sim/rollout";
import { CHECK_FAMILY, CheckSchema, type RolloutCheck } from "../check-schema";
import { judgeRolloutCheck } from "./rollout";

function check(input: z.input<typeof CheckSchema>): RolloutCheck {
  const parsed = CheckSchema.parse(input);
  if (CHECK_FAMILY[parsed.type] !== "rollout") throw new Error(`${parsed.type} is not a rollout check`);
  return parsed as RolloutCheck;
}

// 6 replicas at 50 requests/s; Kubernetes' defaults (25% / 25%, no preStop) versus surge-only with a preStop sleep.
const defaults = simulateRollout({ strategy: "kubernetes", replicas: 6 });
const careful = simulateRollout({
  strategy: "kubernetes",
  replicas: 6,
  maxSurge: 1,
  maxUnavailable: 0,
  preStopMs: 5_000,
});
const stuck = simulateRollout({
  strategy: "kubernetes",
  replicas: 6,
  preStopMs: 5_000,
  newVersion: { readyAfterMs: null },
});

describe("rollout checks", () => {
  it("errors: passes at or under the maximum, fails above it with the causes", () => {
    expect(judgeRolloutCheck(check({ type: "errors", max: 0 }), careful)).toMatchObject({ passed: true });
    expect(judgeRolloutCheck(check({ type: "errors", max: 0 }), defaults)).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/requests failed \(\d+ refused\)/),
    });
    expect(judgeRolloutCheck(check({ type: "errors", max: 1_000 }), defaults).passed).toBe(true);
  });

  it("min-capacity: time-weighted minimum of serving replicas", () => {
    expect(judgeRolloutCheck(check({ type: "min-capacity", atLeast: 6 }), careful).passed).toBe(true);
    expect(judgeRolloutCheck(check({ type: "min-capacity", atLeast: 6 }), defaults)).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^Capacity fell to 5; below 6 for/),
    });
  });

  it("min-available: Kubernetes' own availability count", () => {
    expect(judgeRolloutCheck(check({ type: "min-available", atLeast: 6 }), careful).passed).toBe(true);
    expect(judgeRolloutCheck(check({ type: "min-available", atLeast: 6 }), defaults).passed).toBe(false);
  });

  it("rollout-outcome: completed versus a stalled rollout", () => {
    expect(judgeRolloutCheck(check({ type: "rollout-outcome", outcome: "completed" }), careful).passed).toBe(
      true,
    );
    expect(judgeRolloutCheck(check({ type: "rollout-outcome", outcome: "completed" }), stuck)).toMatchObject({
      passed: false,
      detail: "The rollout ended deadline-exceeded after 600 s.",
    });
  });
});
