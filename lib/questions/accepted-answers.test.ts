import { describe, expect, it } from "vitest";
import { fillInQuestion, trueFalseQuestion } from "@/lib/analytics/test-fixtures";
import { gradeAnswer } from "@/lib/grading/grade";
import { withAcceptedAnswers } from "./accepted-answers";

const question = fillInQuestion([["SIGTERM", "TERM"], ["SIGKILL"]]); // id "fill-fixture"

describe("withAcceptedAnswers", () => {
  it("adds each accepted answer to its own blank's accept list, after the bank's", () => {
    const merged = withAcceptedAnswers(question, [
      { questionId: "fill-fixture", blankIndex: 1, answer: "kill -9" },
      { questionId: "fill-fixture", blankIndex: 0, answer: "signal 15" },
      { questionId: "fill-fixture", blankIndex: 1, answer: "SIG KILL 9" },
    ]);
    expect(merged.type === "fill-in" && merged.blanks.map((blank) => blank.accept)).toEqual([
      ["SIGTERM", "TERM", "signal 15"],
      ["SIGKILL", "kill -9", "SIG KILL 9"],
    ]);
  });

  it("makes the grader give credit for an accepted answer in that blank only", () => {
    const answer = { type: "fill-in" as const, blanks: ["signal 15", "signal 15"] };
    expect(gradeAnswer(question, answer).score).toBe(0);
    const merged = withAcceptedAnswers(question, [
      { questionId: "fill-fixture", blankIndex: 0, answer: "Signal 15" },
    ]);
    expect(gradeAnswer(merged, answer).score).toBe(0.5);
    // The bank's first answer stays the one shown as expected.
    const graded = gradeAnswer(merged, answer);
    expect(graded.type === "fill-in" && graded.detail.blanks[0]?.expected).toBe("SIGTERM");
  });

  it("ignores rows of other questions and of blanks that no longer exist", () => {
    const merged = withAcceptedAnswers(question, [
      { questionId: "another", blankIndex: 0, answer: "x" },
      { questionId: "fill-fixture", blankIndex: 5, answer: "y" },
    ]);
    expect(merged).toEqual(question);
  });

  it("leaves the original question untouched", () => {
    withAcceptedAnswers(question, [{ questionId: "fill-fixture", blankIndex: 0, answer: "z" }]);
    expect(question.type === "fill-in" && question.blanks[0]!.accept).toEqual(["SIGTERM", "TERM"]);
  });

  it("returns other question types as they are", () => {
    const tf = trueFalseQuestion(true);
    expect(withAcceptedAnswers(tf, [{ questionId: tf.id, blankIndex: 0, answer: "x" }])).toBe(tf);
  });
});
