import { describe, expect, it } from "vitest";
import { InterviewSchema, type InterviewQuestion } from "@/lib/questions/schema";
import { gradeInterview, highlightRuns, type PhraseMatch } from "./interview";

type Point = { id: string; weight: number; phrases: string[] };

function interview(points: Point[]): InterviewQuestion {
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

/** Three points; the last two are fillers that the tests rarely mention. */
function withPoint(point: Omit<Point, "id" | "weight"> & { weight?: number }): InterviewQuestion {
  return interview([
    { id: "target", weight: point.weight ?? 1, phrases: point.phrases },
    { id: "filler-one", weight: 1, phrases: ["qqqfiller"] },
    { id: "filler-two", weight: 1, phrases: ["zzzfiller"] },
  ]);
}

function target(question: InterviewQuestion, text: string) {
  const point = gradeInterview(question, text).points.find((candidate) => candidate.id === "target");
  if (!point) throw new Error("no target point");
  return point;
}

const deploy = interview([
  { id: "health-checks", weight: 3, phrases: ["health check", "readiness probe"] },
  { id: "drain", weight: 2, phrases: ["drain", "connection draining"] },
  { id: "rollback", weight: 1, phrases: ["roll back", "rollback"] },
]);

describe("gradeInterview: score", () => {
  it("scores covered weight over total weight", () => {
    expect(
      gradeInterview(deploy, "Wait for the health check, then roll back if it fails.").score,
    ).toBeCloseTo(4 / 6, 10);
    expect(gradeInterview(deploy, "drain first").score).toBeCloseTo(2 / 6, 10);
    expect(gradeInterview(deploy, "A readiness probe, then drain, then rollback.").score).toBe(1);
  });

  it("uses the weights rather than counting points", () => {
    const heavy = gradeInterview(deploy, "health check").score;
    const light = gradeInterview(deploy, "rollback").score;
    expect(heavy).toBeCloseTo(0.5, 10);
    expect(light).toBeCloseTo(1 / 6, 10);
  });

  it("scores 0 when nothing matches, and for empty text", () => {
    const result = gradeInterview(deploy, "I would just restart the server and hope.");
    expect(result.score).toBe(0);
    expect(result.points.every((point) => !point.covered && point.matches.length === 0)).toBe(true);
    expect(gradeInterview(deploy, "").score).toBe(0);
  });

  it("counts a point's weight once however many of its phrases match", () => {
    const result = gradeInterview(deploy, "health check, health check, readiness probe, Health Check");
    expect(result.score).toBeCloseTo(0.5, 10);
    const point = result.points[0];
    expect(point?.covered).toBe(true);
    expect(point?.matches).toHaveLength(4);
  });

  it("reports each point with its id, text, weight and coverage, and the model answer", () => {
    const result = gradeInterview(deploy, "drain");
    expect(result.points.map(({ id, point, weight, covered }) => ({ id, point, weight, covered }))).toEqual([
      { id: "health-checks", point: "Point health-checks", weight: 3, covered: false },
      { id: "drain", point: "Point drain", weight: 2, covered: true },
      { id: "rollback", point: "Point rollback", weight: 1, covered: false },
    ]);
    expect(result.modelAnswer).toBe("Fixture model answer.");
  });

  it("handles fractional weights", () => {
    const question = interview([
      { id: "a", weight: 0.5, phrases: ["alpha"] },
      { id: "b", weight: 1.5, phrases: ["beta"] },
      { id: "c", weight: 2, phrases: ["gamma"] },
    ]);
    expect(gradeInterview(question, "alpha and beta").score).toBeCloseTo(0.5, 10);
  });
});

describe("gradeInterview: phrase matching", () => {
  it("matches case-insensitively", () => {
    const question = withPoint({ phrases: ["Health Check"] });
    expect(target(question, "HEALTH CHECK").covered).toBe(true);
    expect(target(question, "health check").covered).toBe(true);
    expect(target(question, "hEaLtH cHeCk").covered).toBe(true);
  });

  it("matches whole words only", () => {
    const question = withPoint({ phrases: ["ready"] });
    expect(target(question, "It is already running.").covered).toBe(false);
    expect(target(question, "The readyz endpoint.").covered).toBe(false);
    expect(target(question, "unready").covered).toBe(false);
    expect(target(question, "ready2go").covered).toBe(false);
    expect(target(question, "Ready.").covered).toBe(true);
    expect(target(question, "(ready)").covered).toBe(true);
    expect(target(question, "not-ready").covered).toBe(true);
    expect(target(question, "ready").covered).toBe(true);
  });

  it("treats letters beyond ASCII as part of a word", () => {
    const question = withPoint({ phrases: ["ready"] });
    expect(target(question, "éready").covered).toBe(false);
    expect(target(question, "readyé").covered).toBe(false);
  });

  it("treats spaces and dashes as interchangeable", () => {
    const spaced = withPoint({ phrases: ["zero downtime"] });
    expect(target(spaced, "zero downtime").covered).toBe(true);
    expect(target(spaced, "zero-downtime").covered).toBe(true);
    expect(target(spaced, "zero  downtime").covered).toBe(true);
    expect(target(spaced, "zero\ndowntime").covered).toBe(true);
    expect(target(spaced, "zero - downtime").covered).toBe(true);

    const dashed = withPoint({ phrases: ["zero-downtime"] });
    expect(target(dashed, "zero downtime").covered).toBe(true);
    expect(target(dashed, "zero-downtime").covered).toBe(true);
    expect(target(dashed, "zero  downtime").covered).toBe(true);
  });

  it("does not let the gap between words swallow other words", () => {
    const question = withPoint({ phrases: ["zero downtime"] });
    expect(target(question, "zero planned downtime").covered).toBe(false);
    expect(target(question, "zero_downtime").covered).toBe(false);
  });

  it("puts spans on the matched text", () => {
    const text = "First, Zero-Downtime deploys; then zero  downtime again.";
    const point = target(withPoint({ phrases: ["zero downtime"] }), text);
    expect(point.matches).toHaveLength(2);
    const [first, second] = point.matches;
    expect(first).toEqual({ phrase: "zero downtime", start: 7, end: 20 });
    expect(text.slice(first!.start, first!.end)).toBe("Zero-Downtime");
    expect(second?.start).toBe(text.indexOf("zero  downtime"));
    expect(text.slice(second!.start, second!.end)).toBe("zero  downtime");
  });

  it("sorts a point's matches by position across phrases", () => {
    // The rubric lists "drain" before "connection draining"; the matches come out in text order.
    const text = "connection draining first, then drain";
    const point = gradeInterview(deploy, text).points[1]!;
    expect(point.matches).toEqual([
      { phrase: "connection draining", start: 0, end: 19 },
      { phrase: "drain", start: 32, end: 37 },
    ]);
    expect(text.slice(32, 37)).toBe("drain");
  });

  it("matches several phrases of one point", () => {
    const point = gradeInterview(deploy, "We drain nodes; connection draining matters.").points[1]!;
    expect(point.covered).toBe(true);
    expect(point.matches.map((match) => match.phrase)).toEqual(["drain", "connection draining"]);
  });

  it("ignores surrounding spaces in a phrase", () => {
    const question = interview([
      { id: "target", weight: 1, phrases: ["  drain  "] },
      { id: "b", weight: 1, phrases: ["beta"] },
      { id: "c", weight: 1, phrases: ["gamma"] },
    ]);
    expect(gradeInterview(question, "We drain first.").points[0]?.covered).toBe(true);
    // The span covers the word alone, not the spaces around it.
    const text = "We  drain  . Then stop.";
    const [match] = gradeInterview(question, text).points[0]!.matches;
    expect(text.slice(match!.start, match!.end)).toBe("drain");
  });

  it("reads regex special characters in phrases literally", () => {
    const cpus = withPoint({ phrases: ["--cpus"] });
    const cpusText = "Run it with --cpus 2.";
    const cpusPoint = target(cpus, cpusText);
    expect(cpusPoint.covered).toBe(true);
    expect(cpusText.slice(cpusPoint.matches[0]!.start, cpusPoint.matches[0]!.end)).toBe("--cpus");
    const cpusetText = "use --cpuset-cpus";
    expect(
      target(cpus, cpusetText).matches.map((match) => cpusetText.slice(match.start, match.end)),
    ).not.toContain("--cpus");
    expect(target(cpus, "Run it with --cpus2").covered).toBe(false);

    const maxFails = withPoint({ phrases: ["max_fails"] });
    expect(target(maxFails, "set max_fails=3").covered).toBe(true);
    expect(target(maxFails, "set max fails").covered).toBe(false);

    const status = withPoint({ phrases: ["(503)"] });
    expect(target(status, "It returns (503) while draining.").covered).toBe(true);
    expect(target(status, "It returns 503 while draining.").covered).toBe(false);

    const dot = withPoint({ phrases: ["nginx.conf"] });
    expect(target(dot, "edit nginx.conf").covered).toBe(true);
    expect(target(dot, "edit nginxXconf").covered).toBe(false);

    const plus = withPoint({ phrases: ["c++"] });
    expect(target(plus, "written in c++ here").covered).toBe(true);
    expect(target(plus, "written in ccc here").covered).toBe(false);

    const dollar = withPoint({ phrases: ["$PORT"] });
    expect(target(dollar, "listen on $PORT").covered).toBe(true);
    expect(target(dollar, "listen on PORT").covered).toBe(false);

    const brackets = withPoint({ phrases: ["[ok]", "a|b", "x*"] });
    expect(target(brackets, "status o").covered).toBe(false);
    expect(target(brackets, "a").covered).toBe(false);
    expect(target(brackets, "xxxx").covered).toBe(false);
    expect(target(brackets, "says [ok]").covered).toBe(true);
  });

  it("finds every occurrence, not just the first", () => {
    const point = target(withPoint({ phrases: ["drain"] }), "drain, Drain, DRAIN");
    expect(point.matches.map((match) => match.start)).toEqual([0, 7, 14]);
  });
});

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
