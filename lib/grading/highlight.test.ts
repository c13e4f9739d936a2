import { describe, expect, it } from "vitest";
import { InterviewSchema } from "@/lib/questions/schema";
import { highlightRuns } from "./highlight";
import { gradeInterview, type PhraseMatch } from "./interview";

function interview(points: Array<{ id: string; weight: number; phrases: string[] }>) {
  return InterviewSchema.parse({
    id: "interview-fixture",
    section: "fixture",
    type: "interview",
    explanation: "Fixture explanation.",
    prompt: "How do you deploy without downtime?",
    modelAnswer: "Fixture model answer.",
    rubric: points.map((point) => ({ ...point, point: `Point ${point.id}` })),
  });
}

describe("highlightRuns", () => {
  const at = (start: number, end: number, phrase = "p"): PhraseMatch => ({ phrase, start, end });

  it("returns the text as one plain run without matches", () => {
    expect(highlightRuns("plain text", [])).toEqual([{ text: "plain text", highlighted: false }]);
    expect(highlightRuns("", [])).toEqual([]);
  });

  it("splits text into plain and highlighted runs", () => {
    const text = "use a health check here";
    expect(highlightRuns(text, [at(6, 18)])).toEqual([
      { text: "use a ", highlighted: false },
      { text: "health check", highlighted: true },
      { text: " here", highlighted: false },
    ]);
  });

  it("handles matches at the very start and end", () => {
    expect(highlightRuns("drain now", [at(0, 5)])).toEqual([
      { text: "drain", highlighted: true },
      { text: " now", highlighted: false },
    ]);
    expect(highlightRuns("now drain", [at(4, 9)])).toEqual([
      { text: "now ", highlighted: false },
      { text: "drain", highlighted: true },
    ]);
    expect(highlightRuns("drain", [at(0, 5)])).toEqual([{ text: "drain", highlighted: true }]);
  });

  it("merges overlapping spans", () => {
    const text = "zero downtime deploys";
    expect(highlightRuns(text, [at(0, 13), at(5, 21)])).toEqual([{ text, highlighted: true }]);
    expect(highlightRuns(text, [at(5, 13), at(0, 9)])).toEqual([
      { text: "zero downtime", highlighted: true },
      { text: " deploys", highlighted: false },
    ]);
  });

  it("merges spans that touch", () => {
    const text = "zerodowntime!";
    expect(highlightRuns(text, [at(0, 4), at(4, 12)])).toEqual([
      { text: "zerodowntime", highlighted: true },
      { text: "!", highlighted: false },
    ]);
  });

  it("merges a span contained in another without shrinking it", () => {
    const text = "zero downtime deploys";
    expect(highlightRuns(text, [at(0, 13), at(5, 9)])).toEqual([
      { text: "zero downtime", highlighted: true },
      { text: " deploys", highlighted: false },
    ]);
  });

  it("keeps separate spans separate and accepts them unsorted", () => {
    const text = "drain, then roll back";
    expect(highlightRuns(text, [at(12, 21), at(0, 5)])).toEqual([
      { text: "drain", highlighted: true },
      { text: ", then ", highlighted: false },
      { text: "roll back", highlighted: true },
    ]);
  });

  it("does not mutate the matches it is given", () => {
    const matches = [at(5, 13), at(0, 9)];
    const copy = structuredClone(matches);
    highlightRuns("zero downtime deploys", matches);
    expect(matches).toEqual(copy);
  });

  it("reproduces the original text exactly when joined, for real grading matches", () => {
    const text =
      "Zero-downtime: a readiness probe and a Health Check, then drain; connection draining; roll back (or rollback).";
    const question = interview([
      { id: "zero", weight: 1, phrases: ["zero downtime", "downtime", "zero"] },
      { id: "health", weight: 1, phrases: ["health check", "check", "readiness probe"] },
      {
        id: "drain",
        weight: 1,
        phrases: ["drain", "connection draining", "draining", "roll back", "rollback"],
      },
    ]);
    const matches = gradeInterview(question, text).points.flatMap((point) => point.matches);
    const runs = highlightRuns(text, matches);
    expect(runs.map((run) => run.text).join("")).toBe(text);
    // No two highlighted runs touch, and no run is empty.
    for (const [index, run] of runs.entries()) {
      expect(run.text.length).toBeGreaterThan(0);
      if (index > 0) expect(runs[index - 1]!.highlighted).not.toBe(run.highlighted);
    }
    expect(runs.filter((run) => run.highlighted).map((run) => run.text)).toEqual([
      "Zero-downtime",
      "readiness probe",
      "Health Check",
      "drain",
      "connection draining",
      "roll back",
      "rollback",
    ]);
  });
});
