import { describe, expect, it } from "vitest";
import type { Answer } from "@/lib/grading/answer-schema";
import { acceptedKeysForBlank, analyseResponses } from "./response-analysis";
import { fillInQuestion, multipleChoiceQuestion, trueFalseQuestion } from "./test-fixtures";

const mc = (...selected: string[]): Answer => ({ type: "multiple-choice", selected });
const tf = (value: boolean): Answer => ({ type: "true-false", value });
const typed = (...blanks: string[]): Answer => ({ type: "fill-in", blanks });

describe("analyseResponses: multiple choice", () => {
  it("counts each option over the responses, and which options score", () => {
    // 5 responses: b, b, a, b + c (select-all style), nothing. Option d: nobody.
    const result = analyseResponses(multipleChoiceQuestion(["b"]), [
      mc("b"),
      mc("b"),
      mc("a"),
      mc("b", "c"),
      null,
    ]);
    expect(result).toEqual({
      type: "multiple-choice",
      responses: 5,
      unanswered: 1,
      rows: [
        { key: "a", label: "Option A", count: 1, share: 0.2, scores: false },
        { key: "b", label: "Option B", count: 3, share: 0.6, scores: true },
        { key: "c", label: "Option C", count: 1, share: 0.2, scores: false },
        { key: "d", label: "Option D", count: 0, share: 0, scores: false },
      ],
    });
  });
  it("counts an option picked twice in one answer once", () => {
    const result = analyseResponses(multipleChoiceQuestion(["a"]), [mc("a", "a")]);
    expect(result.type === "multiple-choice" && result.rows[0]?.count).toBe(1);
  });
  it("counts an empty selection as unanswered", () => {
    const result = analyseResponses(multipleChoiceQuestion(["a"]), [mc(), mc("a")]);
    expect(result.type === "multiple-choice" && result.unanswered).toBe(1);
  });
});

describe("analyseResponses: true/false", () => {
  it("counts True and False, marks the key, and counts missing answers", () => {
    // 4 responses: true, false, false, none. Key: false.
    const result = analyseResponses(trueFalseQuestion(false), [tf(true), tf(false), tf(false), null]);
    expect(result).toEqual({
      type: "true-false",
      responses: 4,
      unanswered: 1,
      rows: [
        { key: "true", label: "True", count: 1, share: 0.25, scores: false },
        { key: "false", label: "False", count: 2, share: 0.5, scores: true },
      ],
    });
  });
});

describe("analyseResponses: fill-in", () => {
  it("groups typed answers by the grader's normalised key, most frequent first", () => {
    // "SIGTERM", "sigterm ", "`SIGTERM`" are one answer (key "sigterm"); "SIGKILL" twice; one left empty.
    const question = fillInQuestion([["SIGTERM", "TERM"]]);
    const result = analyseResponses(question, [
      typed("SIGTERM"),
      typed("sigterm "),
      typed("`SIGTERM`"),
      typed("SIGKILL"),
      typed("sigkill"),
      typed(""),
      null,
      typed("TERM"),
    ]);
    expect(result.type).toBe("fill-in");
    if (result.type !== "fill-in") return;
    expect(result.responses).toBe(8);
    expect(result.blanks).toHaveLength(1);
    expect(result.blanks[0]!.rows).toEqual([
      // 3 of 8 = 0.375. Label: each spelling once → first by code point ("SIGTERM" < "`SIGTERM`" < "sigterm").
      { key: "sigterm", label: "SIGTERM", count: 3, share: 0.375, scores: true },
      // Empty and missing answers both land in "" (2 of 8); it never scores.
      { key: "", label: "", count: 2, share: 0.25, scores: false },
      { key: "sigkill", label: "SIGKILL", count: 2, share: 0.25, scores: false },
      { key: "term", label: "TERM", count: 1, share: 0.125, scores: true },
    ]);
  });

  it("labels a group with its most common spelling", () => {
    const result = analyseResponses(fillInQuestion([["stdout"]]), [
      typed("Std Err"),
      typed("stderr"),
      typed("stderr"),
    ]);
    expect(result.type === "fill-in" && result.blanks[0]!.rows[0]).toEqual({
      key: "stderr",
      label: "stderr",
      count: 3,
      share: 1,
      scores: false,
    });
  });

  it("analyses each blank separately", () => {
    const question = fillInQuestion([["stdout"], ["stderr"]]);
    const result = analyseResponses(question, [typed("stdout", "stderr"), typed("stdout")]);
    if (result.type !== "fill-in") throw new Error("expected fill-in");
    expect(result.blanks.map((blank) => blank.rows.map((row) => [row.key, row.count]))).toEqual([
      [["stdout", 2]],
      [
        ["", 1],
        ["stderr", 1],
      ],
    ]);
  });

  it("counts an answer accepted by another blank of the same unordered group as scoring", () => {
    const question = fillInQuestion([["SIGTERM"], ["SIGINT"], ["exit"]], [[0, 1]]);
    expect([...acceptedKeysForBlank(question, 0)].sort()).toEqual(["sigint", "sigterm"]);
    expect([...acceptedKeysForBlank(question, 2)]).toEqual(["exit"]);
    const result = analyseResponses(question, [typed("SIGINT", "SIGTERM", "SIGINT")]);
    if (result.type !== "fill-in") throw new Error("expected fill-in");
    expect(result.blanks.map((blank) => blank.rows[0]!.scores)).toEqual([true, true, false]);
  });

  it("has shares of 0, not NaN, without responses", () => {
    const result = analyseResponses(trueFalseQuestion(true), []);
    expect(result.type === "true-false" && result.rows.map((row) => row.share)).toEqual([0, 0]);
  });
});

describe("analyseResponses: interview", () => {
  it("only counts responses (free text is read in the grading queue)", () => {
    const question = {
      ...fillInQuestion([["x"]]),
      type: "interview" as const,
      rubric: [],
      modelAnswer: "m",
    };
    expect(analyseResponses(question, [null, null])).toEqual({ type: "interview", responses: 2 });
  });
});
