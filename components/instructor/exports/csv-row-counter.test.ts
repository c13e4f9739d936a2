import { describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/export/csv";
import { createCsvRowCounter, downloadErrorMessage, fileNameFromDisposition } from "./csv-row-counter";

describe("createCsvRowCounter", () => {
  it("counts data rows after the header", () => {
    const counter = createCsvRowCounter();
    expect(counter.push("a,b\r\n")).toBe(0);
    expect(counter.push("1,2\r\n3,4\r\n")).toBe(2);
  });

  it("does not count line breaks inside quoted fields, or doubled quotes as field ends", () => {
    const text = csvRecords([
      ["name", "answer"],
      ["Ann", 'line one\r\nline "two"\nthree'],
      ['"Q" Bob', "x,y"],
    ]);
    expect(createCsvRowCounter().push(text)).toBe(2);
  });

  it("gives the same count however the text is split into chunks", () => {
    const text = csvRecords([["h"], ['a\n"b"\r\nc'], ["plain"], ['"']]);
    for (let size = 1; size <= text.length; size += 1) {
      const counter = createCsvRowCounter();
      let rows = 0;
      for (let start = 0; start < text.length; start += size)
        rows = counter.push(text.slice(start, start + size));
      expect(rows).toBe(3);
    }
  });
});

describe("fileNameFromDisposition", () => {
  it("reads the quoted file name, else falls back", () => {
    expect(fileNameFromDisposition('attachment; filename="c-grades-2025-01-01.csv"', "x.csv")).toBe(
      "c-grades-2025-01-01.csv",
    );
    expect(fileNameFromDisposition(null, "x.csv")).toBe("x.csv");
  });
});

describe("downloadErrorMessage", () => {
  it("says what to do for each refusal", () => {
    expect(downloadErrorMessage(401, null)).toMatch(/Sign in again/);
    expect(downloadErrorMessage(403, "You do not teach this cohort.")).toBe(
      "You cannot download this cohort's files. You do not teach this cohort.",
    );
    expect(downloadErrorMessage(404, null)).toBe("This cohort no longer exists.");
    expect(downloadErrorMessage(500, null)).toMatch(/error 500/);
  });
});
