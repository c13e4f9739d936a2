import { describe, expect, it } from "vitest";
import { catalog } from "./exports-test-catalog";
import { bestQuizPercents, gradeRow, lastActiveAt, readableAnswer, responseRow } from "./exports-rows";

const json = (value: unknown) => JSON.stringify(value);
const choice = catalog.questions.get("choice");

describe("readableAnswer", () => {
  it("joins fill-in blanks with ' | ', keeping empty blanks visible", () => {
    expect(readableAnswer(json({ type: "fill-in", blanks: ["SIGTERM", "", "30s"] }), undefined)).toBe(
      "SIGTERM |  | 30s",
    );
  });

  it("names chosen options by their text, falling back to the id of an option that no longer exists", () => {
    expect(readableAnswer(json({ type: "multiple-choice", selected: ["b", "a", "z"] }), choice)).toBe(
      "readiness | liveness | z",
    );
    expect(readableAnswer(json({ type: "multiple-choice", selected: [] }), choice)).toBe("");
  });

  it("writes true/false and interview text as given", () => {
    expect(readableAnswer(json({ type: "true-false", value: true }), undefined)).toBe("true");
    expect(readableAnswer(json({ type: "true-false", value: false }), undefined)).toBe("false");
    expect(readableAnswer(json({ type: "interview", text: "line\nline" }), undefined)).toBe("line\nline");
  });

  it("leaves an unanswered question's answer empty", () => {
    expect(readableAnswer("null", undefined)).toBeNull();
  });

  it("keeps an answer it cannot read as the stored text rather than dropping it", () => {
    expect(readableAnswer("not json", undefined)).toBe("not json");
    expect(readableAnswer(json({ type: "essay", text: "x" }), undefined)).toBe('{"type":"essay","text":"x"}');
  });
});

describe("grade rows", () => {
  const day = (d: number, h = 0) => new Date(Date.UTC(2025, 0, d, h));
  const attempt = (quizSlug: string, score: number | null, maxScore: number | null, extra = {}) => ({
    quizSlug,
    kind: "lesson",
    status: "submitted",
    score,
    maxScore,
    startedAt: day(2),
    submittedAt: day(2, 1),
    ...extra,
  });

  it("takes the best submitted lesson attempt per quiz, ignoring open, review and unscored attempts", () => {
    const best = bestQuizPercents([
      attempt("alpha", 1, 3),
      attempt("alpha", 2, 3),
      attempt("alpha", 3, 3, { status: "open" }),
      attempt("alpha", 3, 3, { kind: "review" }),
      attempt("beta", null, 4),
      attempt("beta", 0, 0),
    ]);
    expect(best).toEqual(new Map([["alpha", 66.7]]));
  });

  it("counts only lessons and labs of the catalog, and each once", () => {
    const row = gradeRow(
      {
        name: "Ann",
        email: "ann@example.test",
        joinedAt: day(1),
        lessonProgress: [
          { lessonSlug: "alpha", completedAt: day(3), lastSeenAt: day(3) },
          { lessonSlug: "retired-lesson", completedAt: day(3), lastSeenAt: day(3) },
        ],
        attempts: [],
        labRuns: [
          { labSlug: "lab-one", passed: true, createdAt: day(4) },
          { labSlug: "lab-one", passed: true, createdAt: day(5) },
          { labSlug: "retired-lab", passed: true, createdAt: day(5) },
        ],
        interviewAnswers: [{ reviewedAt: null }, { reviewedAt: day(6) }, { reviewedAt: null }],
      },
      catalog,
    );
    expect(row).toEqual([
      "Ann",
      "ann@example.test",
      "2025-01-01",
      1,
      null,
      null,
      1,
      1,
      2,
      0,
      0,
      "2025-01-05 00:00",
    ]);
  });

  it("knows no last activity for a learner who has done nothing", () => {
    expect(lastActiveAt({ lessonProgress: [], attempts: [], labRuns: [], interviewAnswers: [] })).toBeNull();
  });
});

describe("response rows", () => {
  const facts = {
    learnerName: "Ann",
    email: "ann@example.test",
    quizSlug: "alpha",
    attemptKind: "lesson",
    attemptId: "att1",
    attemptNumber: 3,
    submittedAt: new Date("2025-02-03T04:05:59Z"),
    questionId: "choice",
    answerJson: json({ type: "multiple-choice", selected: ["a"] }),
    score: 0.1 + 0.2,
    overrideScore: null,
    instructorFeedback: null,
  };

  it("uses the automatic score as final unless an instructor set one, and rounds away float noise", () => {
    expect(responseRow(facts, catalog)).toEqual([
      "Ann",
      "ann@example.test",
      "Alpha lesson",
      "att1",
      3,
      "2025-02-03 04:05",
      "choice",
      "multiple-choice",
      "liveness",
      0.3,
      null,
      0.3,
      null,
    ]);
    const overridden = responseRow({ ...facts, overrideScore: 0, instructorFeedback: "Missed it" }, catalog);
    expect(overridden.slice(9)).toEqual([0.3, 0, 0, "Missed it"]);
  });

  it("labels review attempts, unknown quizzes and questions no longer in the bank", () => {
    expect(responseRow({ ...facts, attemptKind: "review", quizSlug: "review" }, catalog)[2]).toBe(
      "Review of mistakes",
    );
    const retired = responseRow(
      {
        ...facts,
        quizSlug: "old-quiz",
        questionId: "gone",
        answerJson: json({ type: "true-false", value: true }),
      },
      catalog,
    );
    expect([retired[2], retired[7], retired[8]]).toEqual(["old-quiz", "true-false", "true"]);
  });
});
