import { describe, expect, it } from "vitest";
import { csvFileName } from "./filename";

const day = new Date("2025-06-01T23:30:00Z");

describe("csvFileName", () => {
  it("joins cohort, kind and the UTC date", () => {
    expect(csvFileName("Grace 2025", "grades", day)).toBe("grace-2025-grades-2025-06-01.csv");
  });

  it("drops accents and turns anything unsafe into single dashes", () => {
    expect(csvFileName('Zoë\'s "cohort"/../\r\nx', "responses", day)).toBe(
      "zoe-s-cohort-x-responses-2025-06-01.csv",
    );
  });

  it("falls back to 'cohort' when nothing usable is left", () => {
    expect(csvFileName("李雷 🚢", "grades", day)).toBe("cohort-grades-2025-06-01.csv");
  });

  it("keeps long names short", () => {
    const name = csvFileName("a".repeat(200), "grades", day);
    expect(name).toBe(`${"a".repeat(60)}-grades-2025-06-01.csv`);
  });
});
