import { describe, expect, it } from "vitest";
import { LABS } from "@/content/labs";
import { CheckSchema } from "./check-schema";
import { describeCheck, seconds } from "./check-labels";

describe("describeCheck", () => {
  it("uses the lab's own label when it has one", () => {
    expect(describeCheck(CheckSchema.parse({ type: "no-sigkill", label: "No 137" }))).toBe("No 137");
  });

  it.each([
    [{ type: "requests", dropped: 0, refused: 0 }, "No request dropped or refused"],
    [{ type: "requests", dropped: 0 }, "Requests: none dropped"],
    [{ type: "requests", dropped: 2, refused: 0 }, "Requests: at most 2 dropped, none refused"],
    [
      { type: "becomes-unhealthy-between", fromMs: 120_000, toMs: 140_000, run: "hang" },
      "hang: Becomes unhealthy between 120 s and 140 s, not before",
    ],
    [{ type: "probes-succeed", probe: "liveness" }, "Every one of the liveness probes succeeds"],
    [{ type: "requests-completed", ids: ["A"] }, "Request A completes"],
    [{ type: "exit-cause", cause: "process-exit" }, "The process ends by calling process.exit()"],
    [{ type: "min-capacity", atLeast: 6 }, "At least 6 replicas serving at every moment"],
  ])("%j → %s", (input, label) => {
    expect(describeCheck(CheckSchema.parse(input))).toBe(label);
  });

  it("gives every check of every lab a non-empty label", () => {
    for (const lab of LABS)
      for (const check of lab.checks) expect(describeCheck(check).length).toBeGreaterThan(5);
  });
});

describe("seconds", () => {
  it.each([
    [0, "0 s"],
    [250, "250 ms"],
    [1_500, "1.5 s"],
    [80_026, "80.026 s"],
    [Number.POSITIVE_INFINITY, "never"],
  ])("%d ms → %s", (ms, text) => {
    expect(seconds(ms)).toBe(text);
  });
});
