import { describe, expect, it } from "vitest";
import { FillInSchema, type FillInQuestion } from "@/lib/questions/schema";
import { gradeFillIn } from "./fill-in";

function fillIn(accepts: string[][], unordered: number[][] = []): FillInQuestion {
  return FillInSchema.parse({
    id: "fill-in-fixture",
    section: "fixture",
    type: "fill-in",
    explanation: "Fixture explanation.",
    prompt: accepts.map((_, index) => `Blank ${index}: ___`).join(" "),
    blanks: accepts.map((accept) => ({ accept })),
    unordered,
  });
}

const signals = fillIn(
  [
    ["SIGTERM", "TERM"],
    ["SIGINT", "INT"],
  ],
  [[0, 1]],
);

describe("gradeFillIn: a single blank", () => {
  it.each([
    ["exact", "stdout", "stdout"],
    ["case", "stdout", "STDOUT"],
    ["surrounding spaces", "stdout", "   stdout  "],
    ["inner spacing", "health check", "healthcheck"],
    ["inner spacing, the other way", "healthcheck", "health   check"],
    ["curly double quotes", "stdout", "“stdout”"],
    ["curly single quotes", "stdout", "‘stdout’"],
    ["straight quotes", "stdout", "'stdout'"],
    ["double quotes", "stdout", '"stdout"'],
    ["backticks", "stdout", "`stdout`"],
    ["leading dashes", "--cpus", "cpus"],
    ["leading dashes, the other way", "cpus", "--cpus"],
    ["leading slash", "/metrics", "metrics"],
    ["leading slash, the other way", "metrics", "/metrics"],
    ["non-zero as non zero", "non-zero", "non zero"],
    ["non-zero as nonzero", "non-zero", "nonzero"],
    ["nonzero as non-zero", "nonzero", "non-zero"],
    ["number word as digit", "3", "three"],
    ["digit as number word", "three", "3"],
    ["ten", "10", "Ten"],
    ["full-width letters (NFKC)", "SIGTERM", "ＳＩＧＴＥＲＭ"],
  ])("accepts (%s): accept %j, given %j", (_rule, accepted, given) => {
    const result = gradeFillIn(fillIn([[accepted]]), [given]);
    expect(result.score).toBe(1);
    expect(result.blanks).toEqual([{ given, correct: true, nearMiss: false, expected: accepted }]);
  });

  it("accepts any entry of the accept list", () => {
    const question = fillIn([["SIGTERM", "TERM", "15"]]);
    expect(gradeFillIn(question, ["term"]).score).toBe(1);
    expect(gradeFillIn(question, ["fifteen"]).score).toBe(0);
    expect(gradeFillIn(question, ["15"]).score).toBe(1);
  });

  it.each([
    ["a different word", "stdout", "stderr"],
    ["a prefix", "stdout", "std"],
    ["an extension", "stdout", "stdouts"],
    ["number word inside another word", "some1", "someone"],
    ["a different number", "3", "four"],
    ["a different path", "/metrics", "/metric"],
    ["extra word", "cpus", "--cpus 2"],
    ["empty", "stdout", ""],
    ["only punctuation", "stdout", "--- “”"],
  ])("rejects (%s): accept %j, given %j", (_rule, accepted, given) => {
    const result = gradeFillIn(fillIn([[accepted]]), [given]);
    expect(result.score).toBe(0);
    expect(result.blanks[0]?.correct).toBe(false);
  });

  it("never accepts a blank answer, even if an accept entry is only punctuation", () => {
    const question = fillIn([["--", "x"]]);
    expect(gradeFillIn(question, [""]).score).toBe(0);
    expect(gradeFillIn(question, ["  "]).score).toBe(0);
    expect(gradeFillIn(question, ["-"]).score).toBe(0);
  });
});

describe("gradeFillIn: several blanks", () => {
  const two = fillIn([["stdout"], ["stderr"]]);
  const three = fillIn([["SIGTERM"], ["SIGKILL"], ["exit code 137"]]);

  it("splits one point between two blanks", () => {
    expect(gradeFillIn(two, ["stdout", "stderr"]).score).toBe(1);
    expect(gradeFillIn(two, ["stdout", "nope"]).score).toBe(0.5);
    expect(gradeFillIn(two, ["nope", "stderr"]).score).toBe(0.5);
    expect(gradeFillIn(two, ["nope", "nope"]).score).toBe(0);
  });

  it("keeps ordered blanks in order", () => {
    const result = gradeFillIn(two, ["stderr", "stdout"]);
    expect(result.score).toBe(0);
    expect(result.blanks.map((blank) => blank.correct)).toEqual([false, false]);
    expect(result.blanks.map((blank) => blank.expected)).toEqual(["stdout", "stderr"]);
  });

  it("splits one point between three blanks", () => {
    expect(gradeFillIn(three, ["SIGTERM", "x", "y"]).score).toBeCloseTo(1 / 3, 10);
    expect(gradeFillIn(three, ["x", "SIGKILL", "y"]).score).toBeCloseTo(1 / 3, 10);
    expect(gradeFillIn(three, ["SIGTERM", "x", "exit code 137"]).score).toBeCloseTo(2 / 3, 10);
    expect(gradeFillIn(three, ["sigterm", "sigkill", "Exit code 137"]).score).toBe(1);
  });

  it("reports every blank with what was given", () => {
    const result = gradeFillIn(three, ["SIGTERM", "x", "exit code 137"]);
    expect(result.blanks).toEqual([
      { given: "SIGTERM", correct: true, nearMiss: false, expected: "SIGTERM" },
      { given: "x", correct: false, nearMiss: false, expected: "SIGKILL" },
      { given: "exit code 137", correct: true, nearMiss: false, expected: "exit code 137" },
    ]);
  });

  it("scores missing blanks (a shorter answer array) as 0", () => {
    const partial = gradeFillIn(three, ["SIGTERM"]);
    expect(partial.score).toBeCloseTo(1 / 3, 10);
    expect(partial.blanks).toHaveLength(3);
    expect(partial.blanks[1]).toEqual({ given: "", correct: false, nearMiss: false, expected: "SIGKILL" });
    expect(partial.blanks[2]).toEqual({
      given: "",
      correct: false,
      nearMiss: false,
      expected: "exit code 137",
    });

    const none = gradeFillIn(three, []);
    expect(none.score).toBe(0);
    expect(none.blanks).toHaveLength(3);
    expect(none.blanks.every((blank) => !blank.correct && !blank.nearMiss && blank.given === "")).toBe(true);
  });

  it("ignores extra answers beyond the blanks", () => {
    const result = gradeFillIn(two, ["stdout", "stderr", "stdin"]);
    expect(result.score).toBe(1);
    expect(result.blanks).toHaveLength(2);
  });
});

describe("gradeFillIn: unordered groups", () => {
  it("accepts two signals in the prompt's order", () => {
    const result = gradeFillIn(signals, ["SIGTERM", "SIGINT"]);
    expect(result.score).toBe(1);
    expect(result.blanks.map((blank) => blank.correct)).toEqual([true, true]);
  });

  it("accepts two signals in the other order", () => {
    const result = gradeFillIn(signals, ["SIGINT", "SIGTERM"]);
    expect(result.score).toBe(1);
    expect(result.blanks.map((blank) => blank.correct)).toEqual([true, true]);
  });

  it("accepts alternative spellings in either order", () => {
    expect(gradeFillIn(signals, ["int", "term"]).score).toBe(1);
  });

  it("gives half credit for one right signal in either position", () => {
    expect(gradeFillIn(signals, ["SIGINT", "nope"]).score).toBe(0.5);
    expect(gradeFillIn(signals, ["nope", "SIGTERM"]).score).toBe(0.5);
  });

  it("does not give both blanks for the same answer twice", () => {
    expect(gradeFillIn(signals, ["SIGTERM", "SIGTERM"]).score).toBe(0.5);
    expect(gradeFillIn(signals, ["SIGINT", "SIGINT"]).score).toBe(0.5);
    expect(gradeFillIn(signals, ["SIGINT", "INT"]).score).toBe(0.5);
    expect(gradeFillIn(signals, ["SIGINT", "SIGINT"]).blanks.filter((blank) => blank.correct)).toHaveLength(
      1,
    );
  });

  it("does not let an ordered question accept swapped answers (no group, no swap)", () => {
    const ordered = fillIn([["SIGTERM"], ["SIGINT"]]);
    expect(gradeFillIn(ordered, ["SIGINT", "SIGTERM"]).score).toBe(0);
  });

  it("accepts a group of three in every order", () => {
    const question = fillIn([["requests"], ["errors"], ["duration"]], [[0, 1, 2]]);
    const orders = [
      ["requests", "errors", "duration"],
      ["requests", "duration", "errors"],
      ["errors", "requests", "duration"],
      ["errors", "duration", "requests"],
      ["duration", "requests", "errors"],
      ["duration", "errors", "requests"],
    ];
    for (const order of orders) expect(gradeFillIn(question, order).score).toBe(1);
    expect(gradeFillIn(question, ["duration", "nope", "requests"]).score).toBeCloseTo(2 / 3, 10);
    expect(gradeFillIn(question, ["errors", "errors", "errors"]).score).toBeCloseTo(1 / 3, 10);
    expect(gradeFillIn(question, ["errors", "duration", "errors"]).score).toBeCloseTo(2 / 3, 10);
  });

  it("keeps a blank outside the group in its place", () => {
    // Blanks 0 and 2 may swap; blank 1 is ordered.
    const question = fillIn([["SIGTERM"], ["10 seconds"], ["SIGINT"]], [[0, 2]]);
    expect(gradeFillIn(question, ["SIGINT", "10 seconds", "SIGTERM"]).score).toBe(1);
    expect(gradeFillIn(question, ["SIGTERM", "ten seconds", "SIGINT"]).score).toBe(1);
    // The ordered blank cannot trade places with a grouped one.
    expect(gradeFillIn(question, ["10 seconds", "SIGTERM", "SIGINT"]).score).toBeCloseTo(1 / 3, 10);
    const swappedIntoOrdered = gradeFillIn(question, ["SIGTERM", "SIGINT", "10 seconds"]);
    expect(swappedIntoOrdered.score).toBeCloseTo(1 / 3, 10);
    expect(swappedIntoOrdered.blanks.map((blank) => blank.correct)).toEqual([true, false, false]);
    expect(swappedIntoOrdered.blanks[1]?.expected).toBe("10 seconds");
  });

  it("grades an ordered blank before a group correctly", () => {
    const question = fillIn([["docker stop"], ["SIGTERM"], ["SIGKILL"]], [[1, 2]]);
    expect(gradeFillIn(question, ["docker stop", "SIGKILL", "SIGTERM"]).score).toBe(1);
    expect(gradeFillIn(question, ["SIGTERM", "docker stop", "SIGKILL"]).score).toBeCloseTo(1 / 3, 10);
  });
});

describe("gradeFillIn: near misses", () => {
  it("flags SIGTREM as a near miss of SIGTERM, not as correct", () => {
    const question = fillIn([["SIGTERM"]]);
    const result = gradeFillIn(question, ["SIGTREM"]);
    expect(result.score).toBe(0);
    expect(result.blanks[0]).toEqual({
      given: "SIGTREM",
      correct: false,
      nearMiss: true,
      expected: "SIGTERM",
    });
  });

  it("flags a one-letter slip in SIGTERM (SIGTERN) as a near miss", () => {
    const result = gradeFillIn(fillIn([["SIGTERM"]]), ["SIGTERN"]);
    expect(result.score).toBe(0);
    expect(result.blanks[0]?.nearMiss).toBe(true);
    expect(result.blanks[0]?.correct).toBe(false);
  });

  it("flags stdot as a near miss of stdout", () => {
    const result = gradeFillIn(fillIn([["stdout"]]), ["stdot"]);
    expect(result.score).toBe(0);
    expect(result.blanks[0]).toEqual({ given: "stdot", correct: false, nearMiss: true, expected: "stdout" });
  });

  it("checks near misses against every accepted answer", () => {
    const result = gradeFillIn(fillIn([["SIGTERM", "graceful stop"]]), ["gracefull stop"]);
    expect(result.blanks[0]?.nearMiss).toBe(true);
    expect(result.blanks[0]?.expected).toBe("SIGTERM");
  });

  it("does not flag a far-off, empty or correct answer", () => {
    const question = fillIn([["stdout"]]);
    expect(gradeFillIn(question, ["stderr"]).blanks[0]?.nearMiss).toBe(false);
    expect(gradeFillIn(question, [""]).blanks[0]?.nearMiss).toBe(false);
    expect(gradeFillIn(question, []).blanks[0]?.nearMiss).toBe(false);
    expect(gradeFillIn(question, ["stdout"]).blanks[0]?.nearMiss).toBe(false);
  });

  it("does not flag a correct answer even when it is close to another accepted spelling", () => {
    const result = gradeFillIn(fillIn([["healthcheck", "healthchecks"]]), ["health check"]);
    expect(result.blanks[0]).toEqual({
      given: "health check",
      correct: true,
      nearMiss: false,
      expected: "healthcheck",
    });
  });

  it("does not flag short answers (three characters or fewer)", () => {
    expect(gradeFillIn(fillIn([["pid"]]), ["pud"]).blanks[0]?.nearMiss).toBe(false);
  });

  it("judges a near miss in an unordered group against the blank it was matched to", () => {
    // The second answer only makes sense against SIGTERM once SIGINT took blank 0.
    const result = gradeFillIn(signals, ["SIGINT", "SIGTERN"]);
    expect(result.score).toBe(0.5);
    expect(result.blanks[0]).toEqual({ given: "SIGINT", correct: true, nearMiss: false, expected: "SIGINT" });
    expect(result.blanks[1]).toEqual({
      given: "SIGTERN",
      correct: false,
      nearMiss: true,
      expected: "SIGTERM",
    });
  });
});

describe("gradeFillIn: expected", () => {
  it("is the first accepted answer of the blank itself when in order", () => {
    const result = gradeFillIn(signals, ["TERM", "nope"]);
    expect(result.blanks.map((blank) => blank.expected)).toEqual(["SIGTERM", "SIGINT"]);
  });

  it("follows a swap in an unordered group", () => {
    const result = gradeFillIn(signals, ["INT", "TERM"]);
    expect(result.blanks.map((blank) => blank.expected)).toEqual(["SIGINT", "SIGTERM"]);
  });

  it("follows a swap even when only one of the pair is right", () => {
    const result = gradeFillIn(signals, ["nope", "SIGTERM"]);
    expect(result.blanks.map((blank) => blank.correct)).toEqual([false, true]);
    expect(result.blanks.map((blank) => blank.expected)).toEqual(["SIGINT", "SIGTERM"]);
  });

  it("stays in the prompt's order when nothing in the group is right", () => {
    const result = gradeFillIn(signals, ["nope", "nada"]);
    expect(result.blanks.map((blank) => blank.expected)).toEqual(["SIGTERM", "SIGINT"]);
  });
});

describe("gradeFillIn: a flag with a value", () => {
  const cpuFlag = FillInSchema.parse({
    id: "cpu-flag-fixture",
    section: "fixture",
    type: "fill-in",
    explanation: "Fixture explanation.",
    prompt: "To cap a container's CPU, pass ___.",
    blanks: [
      {
        accept: ["--cpus", "cpus", "--cpu-quota", "cpu-quota"],
        values: {
          "--cpus": { kind: "number", min: 0, exclusiveMin: true },
          "cpu-quota": { kind: "integer", min: 1000 },
        },
      },
    ],
  });
  const grade = (given: string) => gradeFillIn(cpuFlag, [given]).blanks[0]!;

  it.each([
    "--cpus",
    "--cpus=0.5",
    "--cpus 2",
    "--cpus=1.5",
    "cpus=2",
    "--cpus = .5",
    "--cpu-quota=50000",
    "--cpu-quota 150000",
  ])("accepts %s", (given) => expect(grade(given).correct).toBe(true));

  it.each([
    "--cpus=0",
    "--cpus=-1",
    "--cpus=lots",
    "--cpus=1e9",
    "--cpu-quota=0.5",
    "--cpu-quota=999",
    "--cpu-shares=512",
    "--memory=512m",
  ])("rejects %s, without calling it a typo", (given) => {
    expect(grade(given).correct).toBe(false);
    if (given.startsWith("--cpus") || given.startsWith("--cpu-quota"))
      expect(grade(given).nearMiss).toBe(false);
  });

  it("does not take values for a flag that has no value rule", () => {
    const plain = fillIn([["--previous", "-p"]]);
    expect(gradeFillIn(plain, ["--previous=true"]).score).toBe(0);
    expect(gradeFillIn(plain, ["--previous"]).score).toBe(1);
  });

  it("rejects value rules for a flag the blank does not accept", () => {
    const result = FillInSchema.safeParse({
      id: "bad-fixture",
      section: "fixture",
      type: "fill-in",
      explanation: "Fixture explanation.",
      prompt: "Pass ___.",
      blanks: [{ accept: ["--cpus"], values: { "--memory": { kind: "number", min: 0 } } }],
    });
    expect(result.success).toBe(false);
  });
});

describe("gradeFillIn: signs on numbers", () => {
  const exitCodes = fillIn([
    ["0", "zero"],
    ["1", "one", "non-zero"],
  ]);

  it("does not take -1 for 1", () => {
    expect(gradeFillIn(exitCodes, ["0", "-1"]).blanks[1]).toMatchObject({ correct: false, nearMiss: false });
    expect(gradeFillIn(exitCodes, ["0", "−1"]).blanks[1]!.correct).toBe(false);
    expect(gradeFillIn(exitCodes, ["0", "1"]).score).toBe(1);
  });
});
