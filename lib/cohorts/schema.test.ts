import { describe, expect, it } from "vitest";
import { CohortNameSchema, JoinCodeInputSchema } from "./schema";

describe("CohortNameSchema", () => {
  it.each([
    ["Autumn", "Autumn"],
    ["  Spring   platform team ", "Spring platform team"],
    ["abc", "abc"],
    ["a b", "a b"],
    ["x".repeat(80), "x".repeat(80)],
  ])("accepts %j as %j", (input, name) => {
    expect(CohortNameSchema.parse(input)).toBe(name);
  });

  it.each([
    ["", "Use at least 3 characters for the name."],
    ["  ab  ", "Use at least 3 characters for the name."],
    ["a    ", "Use at least 3 characters for the name."],
    ["x".repeat(81), "Keep the name to 80 characters or fewer."],
    [undefined, "Give the cohort a name."],
    [42, "Give the cohort a name."],
  ])("refuses %j saying %j", (input, message) => {
    const parsed = CohortNameSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});

describe("JoinCodeInputSchema", () => {
  it("asks for a code when none was typed, and refuses absurdly long input", () => {
    expect(JoinCodeInputSchema.safeParse("   ").error?.issues[0]?.message).toBe(
      "Type the join code your instructor gave you.",
    );
    expect(JoinCodeInputSchema.safeParse("A".repeat(41)).success).toBe(false);
    expect(JoinCodeInputSchema.parse(" abcd-2345 ")).toBe("abcd-2345");
  });
});
