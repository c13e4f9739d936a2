import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { parse } from "yaml";
import { slugFromFileName } from "@/lib/content/lesson-schema";
import { listLabs } from "@/lib/labs/catalog";
import { QuizFileSchema, type QuizFile } from "@/lib/questions/schema";
import { evaluateLabVariants, type LabOutcome } from "./synthetic/lab-verdicts";

/** What the synthetic cohort is generated against: the course as shipped. */
export type CourseContent = { lessonSlugs: string[]; quizzes: QuizFile[]; labs: LabOutcome[] };

const CONTENT = path.join(process.cwd(), "content");

/** Lesson slugs in course order (the NN- prefix of content/lessons/NN-slug.mdx). */
export async function loadLessonSlugs(): Promise<string[]> {
  return (await readdir(path.join(CONTENT, "lessons")))
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .flatMap((name) => slugFromFileName(name) ?? []);
}

/**
 * The question bank in course order. The seed runs under plain Node (tsx),
 * where lib/questions/bank.ts cannot be imported (it is `server-only`), so the
 * files are read and validated here with the same schema.
 */
export async function loadQuizFiles(): Promise<QuizFile[]> {
  const order = new Map((await loadLessonSlugs()).map((slug, index) => [slug, index]));
  const names = (await readdir(path.join(CONTENT, "questions"))).filter((name) => name.endsWith(".yaml"));
  const quizzes = await Promise.all(
    names.map(async (name) =>
      QuizFileSchema.parse(parse(await readFile(path.join(CONTENT, "questions", name), "utf8"))),
    ),
  );
  return quizzes.sort((a, b) => (order.get(a.lesson) ?? order.size) - (order.get(b.lesson) ?? order.size));
}

export async function loadCourseContent(quickjs: QuickJSWASMModule): Promise<CourseContent> {
  return {
    lessonSlugs: await loadLessonSlugs(),
    quizzes: await loadQuizFiles(),
    labs: evaluateLabVariants(listLabs(), quickjs),
  };
}
