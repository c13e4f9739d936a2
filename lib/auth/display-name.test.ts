import { describe, expect, it } from "vitest";
import { DisplayNameSchema } from "./display-name";

describe("display names", () => {
  it("trims and accepts 1–100 characters of ordinary text", () => {
    expect(DisplayNameSchema.parse("  Zoë O'Brien-Łukasz  ")).toBe("Zoë O'Brien-Łukasz");
    expect(DisplayNameSchema.parse("x".repeat(100))).toHaveLength(100);
  });
  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["101 characters", "x".repeat(101)],
    ["1 MiB", "x".repeat(1 << 20)],
    ["a newline", "Ann\nAdmin"],
    ["a NUL", "Ann\u0000"],
    ["an escape sequence", "Ann\u001b[31m"],
    ["a right-to-left override", "Ann\u202egnp.exe"],
    ["not a string", 42],
  ])("refuses %s", (_, value) => {
    expect(DisplayNameSchema.safeParse(value).success).toBe(false);
  });
});
