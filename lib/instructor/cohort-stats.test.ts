import { describe, expect, it } from "vitest";
import {
  averageQuizScores,
  completionOverTime,
  completionTakeaway,
  lessonProgressBars,
  lessonTakeaway,
  MAX_DAYS,
  scoreDistribution,
  scoreTakeaway,
} from "./cohort-stats";

const at = (iso: string) => new Date(iso);

describe("averageQuizScores", () => {
  it("averages each learner's best score per quiz, in percent", () => {
    const averages = averageQuizScores([
      { userId: "ann", quizSlug: "a", score: 2, maxScore: 4 }, // 50
      { userId: "ann", quizSlug: "a", score: 3, maxScore: 4 }, // 75: best of quiz a
      { userId: "ann", quizSlug: "b", score: 9, maxScore: 10 }, // 90
      { userId: "bob", quizSlug: "a", score: 0, maxScore: 4 },
    ]);
    expect(averages).toEqual(
      new Map([
        ["ann", 82.5],
        ["bob", 0],
      ]),
    );
  });

  it("skips attempts without a score or with no points to score", () => {
    expect(
      averageQuizScores([
        { userId: "ann", quizSlug: "a", score: null, maxScore: 4 },
        { userId: "ann", quizSlug: "b", score: 1, maxScore: 0 },
        { userId: "ann", quizSlug: "c", score: 1, maxScore: null },
      ]).size,
    ).toBe(0);
  });
});

describe("scoreDistribution", () => {
  it("puts averages into ten 10-point bins, 100 into the last and bin edges into the upper bin", () => {
    const bins = scoreDistribution([0, 9.99, 10, 69.9, 70, 99.5, 100]);
    expect(bins.map((bin) => bin.label)).toEqual([
      "0–9",
      "10–19",
      "20–29",
      "30–39",
      "40–49",
      "50–59",
      "60–69",
      "70–79",
      "80–89",
      "90–100",
    ]);
    expect(bins.map((bin) => bin.learners)).toEqual([2, 1, 0, 0, 0, 0, 1, 1, 0, 2]);
  });

  it("has ten empty bins for no learners", () => {
    expect(scoreDistribution([]).every((bin) => bin.learners === 0)).toBe(true);
  });
});

describe("scoreTakeaway", () => {
  it("counts learners at 70 % or more among those who took a quiz, and names those who did not", () => {
    expect(scoreTakeaway([70, 69.9, 95], 5)).toBe(
      "2 of 3 learners who took a quiz average 70 % or more; 2 learners have not submitted a quiz yet.",
    );
    expect(scoreTakeaway([50], 2)).toBe(
      "0 of 1 learner who took a quiz average 70 % or more; 1 learner has not submitted a quiz yet.",
    );
    expect(scoreTakeaway([80, 90], 2)).toBe("2 of 2 learners average 70 % or more.");
    expect(scoreTakeaway([], 30)).toBe("No learner has submitted a quiz yet.");
  });
});

describe("completionOverTime", () => {
  it("counts completions cumulatively and distinct active learners per UTC day", () => {
    const points = completionOverTime({
      completions: [at("2025-03-01T23:59:00Z"), at("2025-03-03T00:00:00Z"), at("2025-03-03T12:00:00Z")],
      activity: [
        { userId: "ann", at: at("2025-03-01T08:00:00Z") },
        { userId: "ann", at: at("2025-03-01T20:00:00Z") },
        { userId: "bob", at: at("2025-03-01T21:00:00Z") },
        { userId: "bob", at: at("2025-03-03T09:00:00Z") },
      ],
      from: at("2025-03-01T10:00:00Z"),
      to: at("2025-03-04T01:00:00Z"),
    });
    expect(points).toEqual([
      { day: "2025-03-01", label: "1 Mar", completions: 1, active: 2 },
      { day: "2025-03-02", label: "2 Mar", completions: 1, active: 0 },
      { day: "2025-03-03", label: "3 Mar", completions: 3, active: 1 },
      { day: "2025-03-04", label: "4 Mar", completions: 3, active: 0 },
    ]);
  });

  it("shows at most a year, counting older completions in the first day's total", () => {
    const points = completionOverTime({
      completions: [at("2020-01-01T00:00:00Z"), at("2025-06-01T00:00:00Z")],
      activity: [{ userId: "ann", at: at("2020-01-01T00:00:00Z") }],
      from: at("2020-01-01T00:00:00Z"),
      to: at("2025-06-01T12:00:00Z"),
    });
    expect(points).toHaveLength(MAX_DAYS);
    expect(points[0]?.completions).toBe(1);
    expect(points.at(-1)).toMatchObject({ day: "2025-06-01", completions: 2 });
    expect(points.every((point) => point.active === 0)).toBe(true);
  });

  it("is a single day when the cohort starts today, and ignores events after the end", () => {
    const points = completionOverTime({
      completions: [at("2025-06-02T00:00:00Z")],
      activity: [{ userId: "ann", at: at("2025-06-02T00:00:00Z") }],
      from: at("2025-06-01T12:00:00Z"),
      to: at("2025-06-01T13:00:00Z"),
    });
    expect(points).toEqual([{ day: "2025-06-01", label: "1 Jun", completions: 0, active: 0 }]);
  });
});

describe("completionTakeaway", () => {
  it("gives the total and the busiest day (the first of equals)", () => {
    expect(
      completionTakeaway([
        { day: "2025-03-01", label: "1 Mar", completions: 1, active: 2 },
        { day: "2025-03-02", label: "2 Mar", completions: 4, active: 2 },
      ]),
    ).toBe("4 lesson completions so far; the busiest day was 1 Mar, with 2 learners active.");
    expect(completionTakeaway([{ day: "2025-03-01", label: "1 Mar", completions: 1, active: 0 }])).toBe(
      "1 lesson completion so far.",
    );
    expect(completionTakeaway([{ day: "2025-03-01", label: "1 Mar", completions: 0, active: 0 }])).toBe(
      "No lesson completed and no activity yet.",
    );
  });
});

describe("lessonProgressBars", () => {
  const lessons = [
    { slug: "a", title: "Alpha" },
    { slug: "b", title: "Beta" },
  ];

  it("splits the cohort's learners into completed, in progress and not started per lesson", () => {
    const bars = lessonProgressBars(
      lessons,
      [
        { userId: "ann", lessonSlug: "a", completedAt: at("2025-01-01T00:00:00Z") },
        { userId: "bob", lessonSlug: "a", completedAt: null },
        { userId: "ann", lessonSlug: "b", completedAt: null },
        { userId: "outsider", lessonSlug: "a", completedAt: at("2025-01-01T00:00:00Z") },
        { userId: "ann", lessonSlug: "retired", completedAt: at("2025-01-01T00:00:00Z") },
      ],
      ["ann", "bob", "cy"],
    );
    expect(bars).toEqual([
      { slug: "a", title: "Alpha", completed: 1, inProgress: 1, notStarted: 1 },
      { slug: "b", title: "Beta", completed: 0, inProgress: 1, notStarted: 2 },
    ]);
  });

  it("names the most and least completed lessons", () => {
    const bars = [
      { slug: "a", title: "Alpha", completed: 25, inProgress: 5, notStarted: 0 },
      { slug: "b", title: "Beta", completed: 3, inProgress: 2, notStarted: 25 },
    ];
    expect(lessonTakeaway(bars, 30)).toBe("Most completed: Alpha (25 of 30); fewest: Beta (3 of 30).");
    expect(lessonTakeaway([bars[0]!, { ...bars[1]!, completed: 25 }], 30)).toBe(
      "Every lesson is completed by 25 of 30 learners.",
    );
    expect(
      lessonTakeaway(
        bars.map((bar) => ({ ...bar, completed: 0 })),
        30,
      ),
    ).toBe("No learner has completed a lesson yet.");
    expect(lessonTakeaway([], 0)).toBe("No learners in this cohort yet.");
  });
});
