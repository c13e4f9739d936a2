import { describe, expect, it } from "vitest";
import { decimal, excerpt, percent } from "./format";

describe("item analysis formatting", () => {
  it("writes two decimals with a true minus sign, and — when not computable", () => {
    expect(decimal(0.4)).toBe("0.40");
    expect(decimal(-0.5)).toBe("−0.50");
    expect(decimal(-0.001)).toBe("0.00");
    expect(decimal(null)).toBe("—");
  });
  it("writes shares as whole percentages", () => {
    expect(percent(0.375)).toBe("38 %");
    expect(percent(null)).toBe("—");
  });
  it("shortens long prompts on a word-ish boundary with an ellipsis", () => {
    expect(excerpt("short")).toBe("short");
    expect(excerpt("a  b\n c")).toBe("a b c");
    expect(excerpt("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
