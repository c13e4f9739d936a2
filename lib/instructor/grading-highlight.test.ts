import { describe, expect, it } from "vitest";
import { highlightSegments } from "./grading-highlight";

describe("highlightSegments", () => {
  it("returns the whole text as one plain segment without ranges", () => {
    expect(highlightSegments("plain answer", [])).toEqual([{ text: "plain answer", points: [] }]);
  });

  it("returns nothing for empty text", () => {
    expect(highlightSegments("", [{ start: 0, end: 3, pointNumber: 1 }])).toEqual([]);
  });

  it("marks each range with its point and keeps the text between them", () => {
    const text = "use a readiness probe and drain connections";
    expect(
      highlightSegments(text, [
        { start: 6, end: 21, pointNumber: 1 },
        { start: 26, end: 31, pointNumber: 2 },
      ]),
    ).toEqual([
      { text: "use a ", points: [] },
      { text: "readiness probe", points: [1] },
      { text: " and ", points: [] },
      { text: "drain", points: [2] },
      { text: " connections", points: [] },
    ]);
  });

  it("splits overlapping ranges of different points so each part names every point covering it", () => {
    // "readiness" (point 2) inside "readiness probe" (point 1).
    const text = "readiness probe";
    expect(
      highlightSegments(text, [
        { start: 0, end: 15, pointNumber: 1 },
        { start: 0, end: 9, pointNumber: 2 },
      ]),
    ).toEqual([
      { text: "readiness", points: [1, 2] },
      { text: " probe", points: [1] },
    ]);
  });

  it("merges touching or repeated ranges of the same point into one highlight", () => {
    expect(
      highlightSegments("abcdef", [
        { start: 0, end: 2, pointNumber: 3 },
        { start: 2, end: 4, pointNumber: 3 },
        { start: 1, end: 3, pointNumber: 3 },
      ]),
    ).toEqual([
      { text: "abcd", points: [3] },
      { text: "ef", points: [] },
    ]);
  });

  it("clips ranges beyond the text and ignores empty ones", () => {
    expect(
      highlightSegments("short", [
        { start: 3, end: 99, pointNumber: 1 },
        { start: 2, end: 2, pointNumber: 2 },
        { start: -4, end: 1, pointNumber: 2 },
      ]),
    ).toEqual([
      { text: "s", points: [2] },
      { text: "ho", points: [] },
      { text: "rt", points: [1] },
    ]);
  });

  it("keeps every character: the segments join back into the text", () => {
    const text = "<script>alert(1)</script> liveness & readiness";
    const segments = highlightSegments(text, [
      { start: 26, end: 34, pointNumber: 1 },
      { start: 37, end: 46, pointNumber: 2 },
      { start: 30, end: 40, pointNumber: 3 },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
  });
});
