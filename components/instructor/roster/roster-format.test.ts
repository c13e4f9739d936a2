import { describe, expect, it } from "vitest";
import { daysAgo, percent } from "./roster-format";

describe("percent", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    [0, "0%"],
    [0.845, "85%"],
    [1, "100%"],
  ])("shows %j as %s", (value, shown) => expect(percent(value)).toBe(shown));
});

describe("daysAgo", () => {
  const now = Date.UTC(2025, 9, 20, 12);
  it.each([
    [null, "never"],
    [now - 60_000, "today"],
    [now + 60_000, "today"],
    [now - 86_400_000, "yesterday"],
    [now - 2 * 86_400_000 - 1, "2 days ago"],
    [now - 30 * 86_400_000, "30 days ago"],
  ])("shows %j as %s", (at, shown) => expect(daysAgo(at, now)).toBe(shown));
});
