import { describe, expect, it } from "vitest";
import type { TocEntry } from "./lesson-schema";
import { learnerFacingProblems, lessonStructureProblems } from "./lesson-structure";

const toc = (...texts: string[]): TocEntry[] =>
  texts.map((text) => ({ depth: 2, id: text.toLowerCase().replace(/\s+/g, "-"), text }));
const goodToc = toc("Intro", "Details", "Check yourself", "Summary");
const knownSlugs = new Set(["health-checks", "logging"]);

describe("lessonStructureProblems", () => {
  it("accepts a lesson with sections, a self-check, a closing summary and working links", () => {
    const body = "See [logging](/learn/logging), [the intro](#intro), [practice](/practice) and [labs](/labs/x).";
    expect(lessonStructureProblems({ body, toc: goodToc, knownSlugs })).toEqual([]);
  });

  it("requires a final Summary section", () => {
    const problems = lessonStructureProblems({ body: "", toc: toc("A", "B", "Check yourself"), knownSlugs });
    expect(problems).toContain('the last ## section must be "Summary"');
  });

  it("requires a Check yourself section", () => {
    const problems = lessonStructureProblems({ body: "", toc: toc("A", "B", "Summary"), knownSlugs });
    expect(problems).toContain('needs a "## Check yourself" section');
  });

  it("requires at least three sections", () => {
    expect(lessonStructureProblems({ body: "", toc: toc("Summary"), knownSlugs })).toContain(
      "needs at least three ## sections",
    );
  });

  it("reports a link to a lesson that does not exist", () => {
    const problems = lessonStructureProblems({ body: "[x](/learn/kubernetes)", toc: goodToc, knownSlugs });
    expect(problems).toEqual(["link to a lesson that does not exist: /learn/kubernetes"]);
  });

  it("reports a same-page anchor that matches no heading", () => {
    const problems = lessonStructureProblems({ body: "[x](#nowhere)", toc: goodToc, knownSlugs });
    expect(problems).toEqual(["link to a section that does not exist: #nowhere"]);
  });

  it("reports internal links to routes the site does not have, in markdown and in href", () => {
    const body = '[a](/pricing) and <a href="/admin/users">b</a>';
    expect(lessonStructureProblems({ body, toc: goodToc, knownSlugs })).toEqual([
      "internal link points nowhere: /pricing",
      "internal link points nowhere: /admin/users",
    ]);
  });

  it("ignores external links", () => {
    const body = "[docs](https://docs.docker.com/reference/dockerfile/#healthcheck)";
    expect(lessonStructureProblems({ body, toc: goodToc, knownSlugs })).toEqual([]);
  });

  it("reports a table whose header row has an empty cell", () => {
    const body = "| | Request | Limit |\n|---|---|---|\n| CPU | a | b |";
    expect(lessonStructureProblems({ body, toc: goodToc, knownSlugs })).toEqual([
      "table header with an empty cell: | | Request | Limit |",
    ]);
    const fine = "| Setting | Request | Limit |\n|---|---|---|\n| CPU | | b |";
    expect(lessonStructureProblems({ body: fine, toc: goodToc, knownSlugs })).toEqual([]);
  });
});

describe("learnerFacingProblems", () => {
  const myth = '<Callout type="myth" title="An unhealthy container gets restarted">\nNot by plain Docker.\n</Callout>';
  const notes = "<ChapterNotes>\n\n**The chapter says: restart if unhealthy.** Not in plain Docker.\n\n</ChapterNotes>";

  it("accepts myths in the text and the chapter's wording inside ChapterNotes", () => {
    expect(learnerFacingProblems(`Intro.\n\n${myth}\n\n## Summary\n\n${notes}`)).toEqual([]);
  });

  it("rejects correction callouts, even without the word chapter", () => {
    const problems = learnerFacingProblems('<Callout type="correction" title="Restarts">\nNo.\n</Callout>');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Common myth/);
  });

  it("rejects author notes about the chapter in a callout's title or body", () => {
    expect(learnerFacingProblems('<Callout type="note" title="The chapter\'s quiz">\nRight.\n</Callout>')).toHaveLength(1);
    expect(learnerFacingProblems('<Callout type="tip" title="Thirty seconds">\nThe chapter says so.\n</Callout>')).toHaveLength(1);
  });

  it("rejects prose about the chapter outside ChapterNotes, but not inside code", () => {
    expect(learnerFacingProblems("The chapter uses winston.")).toEqual([
      "prose talks about the chapter; that belongs in <ChapterNotes>: The chapter uses winston.",
    ]);
    expect(learnerFacingProblems("```sh\n# from the chapter's script\n```")).toEqual([]);
  });

  it("allows one ChapterNotes section per lesson", () => {
    expect(learnerFacingProblems(`${notes}\n\n${notes}`)).toEqual([
      "more than one <ChapterNotes> section: fold all notes about the chapter into one",
    ]);
  });
});
