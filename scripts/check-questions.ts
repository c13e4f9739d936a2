// Validates question files against the schema and the lessons they point to.
//   npx tsx scripts/check-questions.ts [content/questions/slug.yaml ...]
import { readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { parse } from "yaml";
import { lessonSections } from "../lib/content/search-sections";
import { loadLessonMetas } from "../lib/content/lessons";
import { QuizFileSchema } from "../lib/questions/schema";
import { readdirSync } from "node:fs";

const metas = await loadLessonMetas();
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync("content/questions").filter((name) => name.endsWith(".yaml")).map((name) => path.join("content/questions", name));
let failed = false;
const seenIds = new Map<string, string>();

for (const file of files) {
  const problems: string[] = [];
  const parsed = QuizFileSchema.safeParse(parse(await readFile(file, "utf8")));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
  } else {
    const quiz = parsed.data;
    const meta = metas.find((lesson) => lesson.slug === quiz.lesson);
    if (!meta) problems.push(`lesson "${quiz.lesson}" does not exist`);
    if (path.basename(file, ".yaml") !== quiz.lesson) problems.push("file name must be <lesson>.yaml");
    const anchors = meta
      ? new Set(lessonSections({ slug: meta.slug, title: meta.title, body: matter(await readFile(meta.file, "utf8")).content }).map((s) => s.anchor))
      : new Set<string>();
    for (const question of quiz.questions) {
      if (seenIds.has(question.id)) problems.push(`question id "${question.id}" also used in ${seenIds.get(question.id)}`);
      seenIds.set(question.id, file);
      if (meta && !anchors.has(question.section)) problems.push(`${question.id}: section "${question.section}" is not a heading id in ${meta.file}`);
    }
    const counts = quiz.questions.reduce<Record<string, number>>((acc, q) => ({ ...acc, [q.type]: (acc[q.type] ?? 0) + 1 }), {});
    if (!problems.length) console.log(`✓ ${file}: ${quiz.questions.length} questions ${JSON.stringify(counts)}`);
  }
  if (problems.length) {
    failed = true;
    console.log(`✗ ${file}\n  ${problems.join("\n  ")}`);
  }
}
process.exit(failed ? 1 : 0);
