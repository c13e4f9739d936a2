import { readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { compileMdx } from "./compile-lesson";
import { lessonStructureProblems } from "./lesson-structure";
import { loadLessonMetas } from "./lessons";
import { lessonSections } from "./search-sections";

// Every published lesson, through the real pipeline: frontmatter (objectives),
// structure (self-check, summary) and internal links that resolve.
const metas = await loadLessonMetas();
const knownSlugs = new Set(metas.map((meta) => meta.slug));

describe("published lessons", () => {
  it("have unique order numbers that match their file names", () => {
    const orders = metas.map((meta) => meta.order);
    expect(new Set(orders).size).toBe(orders.length);
    for (const meta of metas) expect(path.basename(meta.file).slice(0, 2)).toBe(String(meta.order).padStart(2, "0"));
  });

  it.each(metas.map((meta) => [meta.slug, meta] as const))("%s compiles with objectives, a self-check, a summary and working links", async (_slug, meta) => {
    expect(meta.objectives.length).toBeGreaterThanOrEqual(2);
    const source = await readFile(meta.file, "utf8");
    const { toc } = await compileMdx(source, path.resolve(path.dirname(meta.file)));
    const body = matter(source).content;
    expect(lessonStructureProblems({ body, toc, knownSlugs })).toEqual([]);
    // Search results link to these anchors: they must be the ids the page really has.
    const ids = toc.map((entry) => entry.id);
    const anchors = lessonSections({ slug: meta.slug, title: meta.title, body })
      .map((section) => section.anchor)
      .filter(Boolean);
    expect(anchors).toEqual(ids);
  }, 120_000);
});
