import { describe, expect, it } from "vitest";
import { DEMO_COHORT } from "@/lib/seed/demo-accounts";
import { isWellFormedJoinCode, JOIN_CODE_LENGTH, newJoinCode, normaliseJoinCode } from "./join-code";

const CONFUSABLE = ["0", "O", "1", "I", "L"];

describe("newJoinCode", () => {
  const codes = Array.from({ length: 2_000 }, () => newJoinCode());

  it("makes codes of eight characters", () => {
    expect(JOIN_CODE_LENGTH).toBe(8);
    for (const code of codes) expect(code).toHaveLength(8);
  });

  it("uses upper-case letters and digits only, never 0 O 1 I L", () => {
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      for (const char of CONFUSABLE) expect(code).not.toContain(char);
    }
  });

  it("makes codes that pass its own well-formedness check", () => {
    for (const code of codes) expect(isWellFormedJoinCode(code)).toBe(true);
  });

  it("spreads over the whole alphabet and does not repeat itself", () => {
    const used = new Set(codes.join(""));
    // 31 symbols; 16 000 draws make a missing one practically impossible.
    expect(used.size).toBe(31);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("normaliseJoinCode", () => {
  it.each([
    ["abcd2345", "ABCD2345"],
    ["ABCD-2345", "ABCD2345"],
    ["abcd-2345", "ABCD2345"],
    [" ab cd 23 45 ", "ABCD2345"],
    ["ab\tcd\n2345", "ABCD2345"],
    ["AB-CD--23-45", "ABCD2345"],
    ["wxyz-9876", "WXYZ9876"],
  ])("turns %j into %s", (input, expected) => {
    expect(normaliseJoinCode(input)).toBe(expected);
    expect(isWellFormedJoinCode(normaliseJoinCode(input))).toBe(true);
  });
});

describe("isWellFormedJoinCode", () => {
  it.each(["ABCD2345", "ZZZZZZZZ", "23456789", "HJKMNPQR"])("accepts %s", (code) => {
    expect(isWellFormedJoinCode(code)).toBe(true);
  });

  it.each([
    ["too short", "ABCD234"],
    ["too long", "ABCD23456"],
    ["empty", ""],
    ["lower case (not normalised)", "abcd2345"],
    ["a dash (not normalised)", "ABCD-234"],
    ["a zero", "ABCD2340"],
    ["a letter O", "ABCO2345"],
    ["a one", "ABC12345"],
    ["a letter I", "ABCI2345"],
    ["a letter L", "ABCL2345"],
    ["a symbol", "ABCD234!"],
    ["a non-ASCII letter", "ÄBCD2345"],
  ])("rejects a code with %s: %j", (_what, code) => {
    expect(isWellFormedJoinCode(code)).toBe(false);
  });
});

describe("the seeded demo cohort", () => {
  // The instructor page shows this code for learners to type in, and joinCohort
  // rejects any code that is not well-formed, so it must follow the same rules.
  it("has a join code people can actually use", () => {
    expect(isWellFormedJoinCode(normaliseJoinCode(DEMO_COHORT.joinCode))).toBe(true);
  });
});
