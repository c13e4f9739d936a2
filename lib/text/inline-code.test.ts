import { describe, expect, it } from "vitest";
import { inlineCodeSegments, promptPieces, withoutCodeMarks } from "./inline-code";

describe("inlineCodeSegments", () => {
  it("splits code spans from the text around them", () => {
    expect(inlineCodeSegments("Run `docker stop` then `docker rm -f` now")).toEqual([
      { code: false, text: "Run " },
      { code: true, text: "docker stop" },
      { code: false, text: " then " },
      { code: true, text: "docker rm -f" },
      { code: false, text: " now" },
    ]);
  });

  it("handles code at the edges and text without code", () => {
    expect(inlineCodeSegments("`SIGTERM` first")).toEqual([
      { code: true, text: "SIGTERM" },
      { code: false, text: " first" },
    ]);
    expect(inlineCodeSegments("plain")).toEqual([{ code: false, text: "plain" }]);
    expect(inlineCodeSegments("")).toEqual([]);
  });

  it("leaves an unmatched or empty backtick pair as literal text", () => {
    expect(inlineCodeSegments("a ` b")).toEqual([{ code: false, text: "a ` b" }]);
    expect(inlineCodeSegments("a `` b")).toEqual([{ code: false, text: "a `` b" }]);
    expect(inlineCodeSegments("`x` and ` y")).toEqual([
      { code: true, text: "x" },
      { code: false, text: " and ` y" },
    ]);
  });

  it("keeps markup-like text as text (rendering escapes it)", () => {
    expect(inlineCodeSegments("`<script>` tag")).toEqual([
      { code: true, text: "<script>" },
      { code: false, text: " tag" },
    ]);
    expect(withoutCodeMarks("Use `--init` or `tini`")).toBe("Use --init or tini");
  });
});

describe("promptPieces", () => {
  it("keeps a code span's type on both sides of a blank inside it", () => {
    expect(promptPieces("In CI, `trivy image ___ --severity HIGH` fails; exit code ___.", "___")).toEqual([
      { kind: "text", code: false, text: "In CI, " },
      { kind: "text", code: true, text: "trivy image " },
      { kind: "blank", index: 0 },
      { kind: "text", code: true, text: " --severity HIGH" },
      { kind: "text", code: false, text: " fails; exit code " },
      { kind: "blank", index: 1 },
      { kind: "text", code: false, text: "." },
    ]);
  });

  it("numbers blanks in order, including adjacent and edge blanks", () => {
    expect(promptPieces("___ and ___", "___")).toEqual([
      { kind: "blank", index: 0 },
      { kind: "text", code: false, text: " and " },
      { kind: "blank", index: 1 },
    ]);
    expect(promptPieces("`___`", "___")).toEqual([{ kind: "blank", index: 0 }]);
  });
});
