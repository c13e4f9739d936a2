import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { cache } from "react";
import { compileMdx } from "./compile-lesson";
import { lessonSections, type SearchSection } from "./search-sections";
import { countLabs, countSelfCheckQuestions, studyMinutes, withoutChapterNotes } from "./study-time";
import {
  countProseWords,
  parseLessonFrontmatter,
  slugFromFileName,
  type CompiledLesson,
  type LessonMeta,
} from "./lesson-schema";

const LESSONS_DIR = path.join(process.cwd(), "content", "lessons");

async function readLessonFiles(dir: string): Promise<Array<{ file: string; source: string; slug: string }>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".mdx")).sort();
  return Promise.all(
    names.map(async (name) => {
      const slug = slugFromFileName(name);
      const file = path.join("content", "lessons", name);
      if (!slug) throw new Error(`${file}: lesson files are named NN-slug.mdx (two digits, kebab-case slug)`);
      return { file, slug, source: await readFile(path.join(dir, name), "utf8") };
    }),
  );
}

export async function loadLessonMetas(dir = LESSONS_DIR): Promise<LessonMeta[]> {
  const files = await readLessonFiles(dir);
  const metas = files.map(({ file, slug, source }) => {
    const { data, content } = matter(source);
    const frontmatter = parseLessonFrontmatter(file, data);
    const wordCount = countProseWords(withoutChapterNotes(content));
    const load = { words: wordCount, labs: countLabs(content), questions: countSelfCheckQuestions(content) };
    return { ...frontmatter, slug, file, wordCount, readingMinutes: studyMinutes(load) };
  });
  return metas.sort((a, b) => a.order - b.order);
}

// Lessons ship with the build: read their frontmatter once per process (progress actions ask on every visit).
let metas: Promise<LessonMeta[]> | null = null;

/** All lessons in course order (frontmatter only). */
export function listLessons(): Promise<LessonMeta[]> {
  metas ??= loadLessonMetas().catch((error: unknown) => {
    metas = null;
    throw error;
  });
  return metas;
}

/** Every lesson's sections as plain text, for the search index built at build time. */
export async function loadSearchSections(): Promise<SearchSection[]> {
  const metas = await listLessons();
  const perLesson = await Promise.all(
    metas.map(async (meta) => {
      const { content } = matter(await readFile(path.join(LESSONS_DIR, path.basename(meta.file)), "utf8"));
      return lessonSections({ slug: meta.slug, title: meta.title, body: content });
    }),
  );
  return perLesson.flat();
}

export const getLesson = cache(async (slug: string): Promise<CompiledLesson | null> => {
  const metas = await listLessons();
  const meta = metas.find((lesson) => lesson.slug === slug);
  if (!meta) return null;
  const source = await readFile(path.join(LESSONS_DIR, path.basename(meta.file)), "utf8");
  const { code, toc } = await compileMdx(source, LESSONS_DIR);
  return { ...meta, code, toc };
});
