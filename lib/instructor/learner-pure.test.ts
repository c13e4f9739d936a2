import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/questions/schema";
import { answerText, feedbackLines, questionText } from "./learner-answers";
import { LEECH_LAPSES, reviewHealth } from "./learner-review-health";
import { groupByDay, scoreLabel, timelineEvents } from "./learner-timeline";

const multipleChoice = {
  id: "mc",
  type: "multiple-choice",
  section: "s",
  origin: "shipshape",
  explanation: "e",
  prompt: "Pick one",
  options: [
    { id: "a", text: "Alpha", correct: true, why: "w" },
    { id: "b", text: "Beta", correct: false, why: "w" },
    { id: "c", text: "Gamma", correct: false, why: "w" },
  ],
} as Question;
const trueFalse = {
  id: "tf",
  type: "true-false",
  section: "s",
  origin: "shipshape",
  explanation: "e",
  statement: "Sky is blue",
  answer: true,
} as Question;

describe("questionText and answerText", () => {
  it("uses the prompt, or the statement of a true/false question", () => {
    expect(questionText(multipleChoice)).toBe("Pick one");
    expect(questionText(trueFalse)).toBe("Sky is blue");
  });

  it.each([
    [multipleChoice, { type: "multiple-choice", selected: ["b", "a"] }, "b) Beta; a) Alpha"],
    [multipleChoice, { type: "multiple-choice", selected: ["z"] }, "z) (unknown option)"],
    [multipleChoice, { type: "multiple-choice", selected: [] }, "(no answer)"],
    [trueFalse, { type: "true-false", value: false }, "False"],
    [null, { type: "fill-in", blanks: ["0", " "] }, "1. “0”  2. (blank)"],
    [null, { type: "fill-in", blanks: ["", ""] }, "(no answer)"],
    [null, { type: "interview", text: "<b>hi</b>\nthere" }, "<b>hi</b>\nthere"],
    [null, { type: "interview", text: "   " }, "(no answer)"],
  ])("shows an answer in words (%#)", (question, answer, text) => {
    expect(answerText(question, JSON.stringify(answer))).toBe(text);
  });

  it("copes with answers that are not JSON or not an answer", () => {
    expect(answerText(null, "not json")).toBe("(no answer)");
    expect(answerText(null, JSON.stringify({ type: "essay" }))).toBe("(no answer)");
  });
});

describe("feedbackLines", () => {
  const lines = (detail: unknown) => feedbackLines(JSON.stringify({ detail }));
  it("says per blank what was given and expected", () => {
    expect(
      lines({
        type: "fill-in",
        blanks: [
          { given: "zero", correct: true, nearMiss: false, expected: "0" },
          { given: "SIGKIL", correct: false, nearMiss: true, expected: "SIGKILL" },
          { given: "", correct: false, nearMiss: false, expected: "1" },
        ],
      }),
    ).toEqual([
      "Blank 1: “zero” correct",
      "Blank 2: “SIGKIL” wrong (near miss), expected “SIGKILL”",
      "Blank 3: (blank) wrong, expected “1”",
    ]);
  });
  it("says whether a true/false answer was right", () => {
    expect(lines({ type: "true-false", given: true, answer: true })).toEqual([
      "Correct: the statement is true",
    ]);
    expect(lines({ type: "true-false", given: true, answer: false })).toEqual([
      "Wrong: the statement is false",
    ]);
    expect(lines({ type: "true-false", given: null, answer: false })).toEqual([
      "Not answered; the statement is false",
    ]);
  });
  it("lists chosen and correct options only", () => {
    expect(
      lines({
        type: "multiple-choice",
        options: [
          { id: "a", text: "A", selected: false, correct: true, why: "" },
          { id: "b", text: "B", selected: true, correct: false, why: "" },
          { id: "c", text: "C", selected: false, correct: false, why: "" },
        ],
      }),
    ).toEqual(["a) not chosen, correct: A", "b) chosen, wrong: B"]);
  });
  it("lists interview rubric points covered and missing", () => {
    expect(
      lines({
        type: "interview",
        points: [
          { id: "p1", point: "Checks dependencies", covered: true },
          { id: "p2", point: "Stays cheap", covered: false },
        ],
      }),
    ).toEqual(["Covered: Checks dependencies", "Missing: Stays cheap"]);
  });
  it("gives nothing for no feedback or unreadable feedback", () => {
    expect(feedbackLines(null)).toEqual([]);
    expect(feedbackLines("{")).toEqual([]);
    expect(feedbackLines("{}")).toEqual([]);
  });
});

describe("timeline", () => {
  const events = timelineEvents({
    lessons: [
      {
        title: "Health",
        completedAt: new Date("2025-10-01T10:00:00Z"),
        lastSeenAt: new Date("2025-10-03T08:00:00Z"),
      },
      {
        title: "Logging",
        completedAt: new Date("2025-10-02T09:00:00Z"),
        lastSeenAt: new Date("2025-10-02T09:00:00Z"),
      },
    ],
    attempts: [
      {
        id: "a1",
        title: "Health quiz",
        kind: "lesson",
        startedAt: new Date("2025-10-01T11:00:00Z"),
        submittedAt: new Date("2025-10-01T11:30:00Z"),
        score: 4,
        maxScore: 10,
      },
      {
        id: "a2",
        title: "Logging quiz",
        kind: "lesson",
        startedAt: new Date("2025-10-03T23:59:00Z"),
        submittedAt: null,
        score: null,
        maxScore: null,
      },
      {
        id: "a3",
        title: "x",
        kind: "review",
        startedAt: new Date("2025-10-02T07:00:00Z"),
        submittedAt: new Date("2025-10-02T07:10:00Z"),
        score: 9,
        maxScore: 10,
      },
    ],
    labRuns: [{ id: "r1", title: "Probe lab", passed: true, createdAt: new Date("2025-10-01T12:00:00Z") }],
  });

  it("lists every event newest first, a visit at the completion moment only once", () => {
    expect(events.map((event) => [event.at.toISOString(), event.kind, event.text])).toEqual([
      ["2025-10-03T23:59:00.000Z", "attempt-started", "Started quiz “Logging quiz” (not submitted)"],
      ["2025-10-03T08:00:00.000Z", "lesson-visited", "Visited lesson “Health” (latest visit)"],
      ["2025-10-02T09:00:00.000Z", "lesson-completed", "Completed lesson “Logging”"],
      ["2025-10-02T07:10:00.000Z", "attempt-submitted", "Submitted a review of past mistakes"],
      ["2025-10-01T12:00:00.000Z", "lab-run", "Ran lab “Probe lab”"],
      ["2025-10-01T11:30:00.000Z", "attempt-submitted", "Submitted quiz “Health quiz”"],
      ["2025-10-01T10:00:00.000Z", "lesson-completed", "Completed lesson “Health”"],
    ]);
    expect(events.find((event) => event.href === "#attempt-a1")?.outcome).toEqual({
      tone: "bad",
      label: "4/10 (40%)",
    });
    expect(events.find((event) => event.href === "#attempt-a3")?.outcome?.tone).toBe("good");
    expect(events.find((event) => event.href === "#lab-run-r1")?.outcome).toEqual({
      tone: "good",
      label: "passed",
    });
  });

  it("groups by UTC day, newest day first", () => {
    expect(groupByDay(events).map((day) => [day.day, day.events.length])).toEqual([
      ["2025-10-03", 2],
      ["2025-10-02", 2],
      ["2025-10-01", 3],
    ]);
    expect(groupByDay([])).toEqual([]);
  });

  it("labels scores as points and percent", () => {
    expect(scoreLabel(7, 10)).toBe("7/10 (70%)");
    expect(scoreLabel(1.5, 2)).toBe("1.50/2 (75%)");
    expect(scoreLabel(null, 10)).toBe("not scored");
    expect(scoreLabel(3, 0)).toBe("not scored");
  });
});

describe("reviewHealth", () => {
  const now = new Date("2025-10-20T12:00:00Z");
  const card = (questionId: string, dueIso: string, stability: number, lapses: number) => ({
    questionId,
    due: new Date(dueIso),
    stability,
    lapses,
  });

  it("counts due cards (due at exactly now included), leeches most-lapsed first, and mean stability", () => {
    expect(
      reviewHealth(
        [
          card("q1", "2025-10-20T12:00:00Z", 1, LEECH_LAPSES),
          card("q2", "2025-10-25T00:00:00Z", 5, LEECH_LAPSES - 1),
          card("q3", "2025-10-01T00:00:00Z", 3, 7),
        ],
        now,
      ),
    ).toEqual({
      total: 3,
      dueNow: 2,
      leeches: [
        { questionId: "q3", lapses: 7 },
        { questionId: "q1", lapses: 4 },
      ],
      averageStability: 3,
    });
  });

  it("is empty without cards", () => {
    expect(reviewHealth([], now)).toEqual({ total: 0, dueNow: 0, leeches: [], averageStability: null });
  });
});
