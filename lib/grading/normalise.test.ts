import { describe, expect, it } from "vitest";
import { answerKey, editDistance, isNearMiss } from "./normalise";

describe("answerKey", () => {
  it("ignores case", () => {
    expect(answerKey("SIGTERM")).toBe("sigterm");
    expect(answerKey("SigTerm")).toBe(answerKey("sigterm"));
  });

  it("ignores surrounding whitespace, including tabs and newlines", () => {
    expect(answerKey("  stdout  ")).toBe("stdout");
    expect(answerKey("\tstdout\n")).toBe("stdout");
  });

  it("ignores spacing inside an answer", () => {
    expect(answerKey("health check")).toBe("healthcheck");
    expect(answerKey("health   check")).toBe(answerKey("healthcheck"));
    expect(answerKey("health\tcheck")).toBe(answerKey("healthcheck"));
  });

  it.each(["“stdout”", "‘stdout’", "'stdout'", '"stdout"', "`stdout`", "``stdout``"])(
    "strips quotes and backticks: %s",
    (quoted) => {
      expect(answerKey(quoted)).toBe("stdout");
    },
  );

  it("removes an apostrophe inside a word instead of splitting the word", () => {
    // If quotes became spaces this would still join to the same key, but an apostrophe must not leave a stray character.
    expect(answerKey("don't")).toBe("dont");
    expect(answerKey("don’t")).toBe("dont");
    // Joined, not split: a split would leave "two" as its own word and turn it into a digit.
    expect(answerKey("two's complement")).toBe("twoscomplement");
    expect(answerKey("two’s complement")).toBe("twoscomplement");
    expect(answerKey("`one`")).toBe("1");
  });

  it("ignores punctuation", () => {
    expect(answerKey("--cpus")).toBe("cpus");
    expect(answerKey("--cpus")).toBe(answerKey("cpus"));
    expect(answerKey("/metrics")).toBe("metrics");
    expect(answerKey("/metrics")).toBe(answerKey("metrics"));
    expect(answerKey("stdout.")).toBe("stdout");
    expect(answerKey("(stdout)!")).toBe("stdout");
    expect(answerKey("max_fails")).toBe(answerKey("max fails"));
  });

  it("does not drop letters or digits with the punctuation", () => {
    expect(answerKey("--cpus=2")).toBe("cpus2");
    expect(answerKey("/healthz")).not.toBe(answerKey("/health"));
    expect(answerKey("port 8080")).toBe("port8080");
  });

  it("treats non-zero, non zero and nonzero alike", () => {
    expect(answerKey("non-zero")).toBe(answerKey("non zero"));
    expect(answerKey("non zero")).toBe(answerKey("nonzero"));
    expect(answerKey("non-zero")).toBe(answerKey("nonzero"));
  });

  it.each([
    ["zero", "0"],
    ["one", "1"],
    ["two", "2"],
    ["three", "3"],
    ["four", "4"],
    ["five", "5"],
    ["six", "6"],
    ["seven", "7"],
    ["eight", "8"],
    ["nine", "9"],
    ["ten", "10"],
  ])("turns the number word %s into %s", (word, digit) => {
    expect(answerKey(word)).toBe(digit);
    expect(answerKey(word.toUpperCase())).toBe(digit);
    expect(answerKey(`exit code ${word}`)).toBe(answerKey(`exit code ${digit}`));
  });

  it("does not turn words beyond ten into digits", () => {
    expect(answerKey("eleven")).toBe("eleven");
  });

  it.each(["someone", "often", "tone", "anyone", "network", "twofold", "zeroes", "seventh", "none"])(
    "leaves number words inside other words alone: %s",
    (word) => {
      expect(answerKey(word)).toBe(word);
    },
  );

  it("turns a number word into a digit when punctuation separates it", () => {
    expect(answerKey("exit-one")).toBe("exit1");
    expect(answerKey("(two)")).toBe("2");
  });

  it("applies Unicode NFKC normalisation", () => {
    // Full-width letters, a ligature, and a decomposed accent.
    expect(answerKey("ＳＩＧＴＥＲＭ")).toBe("sigterm");
    expect(answerKey("ﬁle")).toBe("file");
    expect(answerKey("cafe\u0301")).toBe(answerKey("caf\u00e9"));
    expect(answerKey("cafe\u0301")).toBe("caf\u00e9");
    expect(answerKey("１２")).toBe("12");
  });

  it("keeps non-Latin letters", () => {
    expect(answerKey("Größe")).toBe("größe");
    expect(answerKey("порт")).toBe("порт");
  });

  it("gives an empty key for input without letters or digits", () => {
    expect(answerKey("")).toBe("");
    expect(answerKey("   ")).toBe("");
    expect(answerKey("--- ... “”")).toBe("");
  });

  it("still distinguishes different answers", () => {
    expect(answerKey("SIGTERM")).not.toBe(answerKey("SIGKILL"));
    expect(answerKey("stdout")).not.toBe(answerKey("stderr"));
    expect(answerKey("1")).not.toBe(answerKey("10"));
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["sigterm", "sigtern", 1],
    ["stdout", "stdot", 1],
    ["stdout", "stdoutt", 1],
    // Swapping two neighbouring letters counts as one edit (optimal string alignment).
    ["sigterm", "sigtrem", 1],
    ["ab", "ba", 1],
    ["stdout", "tsdout", 1],
    ["abcd", "badc", 2],
    ["abc", "xyz", 3],
    ["intention", "execution", 5],
    ["saturday", "sunday", 3],
  ])("editDistance(%j, %j) is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("isNearMiss", () => {
  it("never flags an accepted key of three characters or fewer", () => {
    expect(isNearMiss("abd", "abc")).toBe(false);
    expect(isNearMiss("ab", "abc")).toBe(false);
    expect(isNearMiss("pid", "pud")).toBe(false);
    expect(isNearMiss("pdi", "pid")).toBe(false);
    expect(isNearMiss("x", "y")).toBe(false);
  });

  it("allows one edit for accepted keys of four to seven characters", () => {
    expect(isNearMiss("abce", "abcd")).toBe(true); // 4 chars, 1 edit
    expect(isNearMiss("abef", "abcd")).toBe(false); // 4 chars, 2 edits
    expect(isNearMiss("stdot", "stdout")).toBe(true); // 6 chars, deletion
    expect(isNearMiss("sigterx", "sigterm")).toBe(true); // 7 chars, 1 edit
    expect(isNearMiss("sigtexx", "sigterm")).toBe(false); // 7 chars, 2 edits
    expect(isNearMiss("sigtrem", "sigterm")).toBe(true); // 7 chars, 1 swap
    expect(isNearMiss("sgitrem", "sigterm")).toBe(false); // 7 chars, 2 swaps
  });

  it("allows two edits for accepted keys longer than seven characters", () => {
    expect(isNearMiss("gracefl", "graceful")).toBe(true); // 8 chars, 1 edit
    expect(isNearMiss("gracfl", "graceful")).toBe(true); // 8 chars, 2 edits
    expect(isNearMiss("grcfl", "graceful")).toBe(false); // 8 chars, 3 edits
    expect(isNearMiss("bluegren", "bluegreen")).toBe(true);
    expect(isNearMiss("bluegrxxn", "bluegreen")).toBe(true);
    expect(isNearMiss("bluxgrxxn", "bluegreen")).toBe(false);
  });

  it("measures the threshold on the accepted key, not the given one", () => {
    // Given is 8 characters, accepted is 7: only one edit allowed.
    expect(isNearMiss("sigtermxx", "sigterm")).toBe(false);
    expect(isNearMiss("sigtermx", "sigterm")).toBe(true);
    // Given is 4 characters, accepted is 3: no edits allowed.
    expect(isNearMiss("pids", "pid")).toBe(false);
    expect(isNearMiss("abcd", "abc")).toBe(false);
  });

  it("does not call an identical answer a near miss", () => {
    expect(isNearMiss("sigterm", "sigterm")).toBe(false);
    expect(isNearMiss("graceful", "graceful")).toBe(false);
  });

  it("does not call an empty answer a near miss", () => {
    expect(isNearMiss("", "a")).toBe(false);
    expect(isNearMiss("", "abcd")).toBe(false);
    expect(isNearMiss("", "")).toBe(false);
  });
});

describe("answerKey: signs", () => {
  it("keeps a minus sign in front of a number", () => {
    expect(answerKey("-1")).toBe("-1");
    expect(answerKey("−1")).toBe("-1");
    expect(answerKey("-1")).not.toBe(answerKey("1"));
    expect(answerKey("exit -1")).toBe("exit-1");
  });

  it("still ignores dashes that are not signs", () => {
    expect(answerKey("non-zero")).toBe("nonzero");
    expect(answerKey("--cpus")).toBe("cpus");
    expect(answerKey("x-1")).toBe("x1");
    expect(answerKey("+1")).toBe("1");
  });
});
