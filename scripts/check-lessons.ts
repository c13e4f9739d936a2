// Compiles lessons through the real pipeline and checks their structure.
//   npx tsx scripts/check-lessons.ts [content/lessons/NN-slug.mdx ...]
// With no arguments, checks every lesson. Exits 1 on the first class of problem found.
import { readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { compileMdx } from "../lib/content/compile-lesson";
import { lessonStructureProblems } from "../lib/content/lesson-structure";
import { countProseWords, parseLessonFrontmatter, slugFromFileName } from "../lib/content/lesson-schema";
import { loadLessonMetas } from "../lib/content/lessons";

const metas = await loadLessonMetas();
const knownSlugs = new Set(metas.map((meta) => meta.slug));
const files = process.argv.slice(2).length ? process.argv.slice(2) : metas.map((meta) => meta.file);
let failed = false;

for (const file of files) {
  const source = await readFile(file, "utf8");
  const { data, content } = matter(source);
  const problems: string[] = [];
  try {
    parseLessonFrontmatter(file, data);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (!slugFromFileName(path.basename(file))) problems.push("file name must be NN-slug.mdx");
  try {
    const { toc } = await compileMdx(source, path.resolve(path.dirname(file)));
    problems.push(...lessonStructureProblems({ body: content, toc, knownSlugs }));
  } catch (error) {
    problems.push(`does not compile: ${(error as Error).message}`);
  }
  if (problems.length) {
    failed = true;
    console.log(`✗ ${file}\n  ${problems.join("\n  ")}`);
  } else {
    console.log(`✓ ${file} (${countProseWords(content)} words of prose)`);
  }
}
process.exit(failed ? 1 : 0);
