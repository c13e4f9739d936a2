import { describe, expect, it } from "vitest";
import { dueInWords, intervalInWords } from "./due-words";

const NOW = new Date("2026-05-10T12:00:00.000Z");
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

const later = (ms: number) => new Date(NOW.getTime() + ms);

describe("dueInWords", () => {
  it.each([
    [-3 * D, "now"],
    [0, "now"],
    [10 * S, "in 1 min"],
    [89 * S, "in 1 min"],
    [91 * S, "in 2 min"],
    [10 * MIN, "in 10 min"],
    [59 * MIN, "in 59 min"],
    [59 * MIN + 59 * S, "in 60 min"],
    [H, "in 1 hour"],
    [3 * H, "in 3 hours"],
    [23 * H + 40 * MIN, "in 1 day"],
    [D, "in 1 day"],
    [3 * D, "in 3 days"],
    [3 * D + 11 * H, "in 3 days"],
    [3 * D + 13 * H, "in 4 days"],
    [29 * D + 20 * H, "in 1 month"],
    [45 * D, "in 2 months"],
    [300 * D, "in 10 months"],
    [362 * D, "in 1 year"],
    [365 * D, "in 1 year"],
    [548 * D, "in 1.5 years"],
    [3 * 365 * D, "in 3 years"],
  ])("%s ms from now reads %s", (ms, words) => {
    expect(dueInWords(later(ms), NOW)).toBe(words);
  });
});

describe("intervalInWords", () => {
  it("drops the 'in' for rating buttons", () => {
    expect(intervalInWords(later(10 * MIN), NOW)).toBe("10 min");
    expect(intervalInWords(later(3 * D), NOW)).toBe("3 days");
    expect(intervalInWords(NOW, NOW)).toBe("now");
  });
});
