import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedAnswer } from "./highlighted-answer";

const hostile = "<script>alert(1)</script> and <img src=x onerror=alert(1)> use a readiness probe";

function render(text: string, ranges: Array<{ start: number; end: number; pointNumber: number }>) {
  return renderToStaticMarkup(createElement(HighlightedAnswer, { text, ranges }));
}

describe("HighlightedAnswer", () => {
  it("shows markup a learner typed as literal text, never as elements", () => {
    const start = hostile.indexOf("readiness probe");
    const html = render(hostile, [{ start, end: start + "readiness probe".length, pointNumber: 2 }]);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("escapes markup even when a highlight cuts through it", () => {
    // A phrase match that starts inside the tag text must not produce a tag either.
    const html = render(hostile, [{ start: 1, end: 7, pointNumber: 1 }]);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;</span><mark");
    expect(html).toContain("script<sup");
  });

  it("marks recognised phrases with their rubric point numbers", () => {
    const text = "readiness probe";
    const html = render(text, [
      { start: 0, end: 15, pointNumber: 1 },
      { start: 0, end: 9, pointNumber: 3 },
    ]);
    const marks = html.match(/<mark[^>]*>.*?<\/mark>/g) ?? [];
    expect(marks).toHaveLength(2);
    expect(marks[0]).toContain("readiness");
    expect(marks[0]).toContain("1,3");
    expect(marks[1]).toContain(" probe");
    expect(marks[1]).toContain("(rubric point </span>1");
  });

  it("says so when the answer is empty", () => {
    expect(render("   ", [])).toContain("left this answer empty");
  });
});
