import { z } from "zod";
import { studyMinutes } from "./study-time";

export const LessonFrontmatterSchema = z.strictObject({
  title: z.string().min(3).max(80),
  description: z.string().min(20).max(160),
  order: z.number().int().min(1),
  objectives: z.array(z.string().min(10)).min(2).max(8),
});

export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

export type TocEntry = { depth: 2 | 3; id: string; text: string };

export type LessonMeta = LessonFrontmatter & {
  slug: string;
  file: string;
  /** Prose, labs and self-check questions together, in whole minutes. */
  readingMinutes: number;
  wordCount: number;
};

export type CompiledLesson = LessonMeta & { code: string; toc: TocEntry[] };

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

export function slugFromFileName(fileName: string): string | null {
  return LESSON_FILE.exec(fileName)?.[2] ?? null;
}

/** Throws an error naming the file and every bad field, so a broken lesson fails the build. */
export function parseLessonFrontmatter(file: string, data: unknown): LessonFrontmatter {
  const parsed = LessonFrontmatterSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `  - ${issue.path.length ? issue.path.join(".") : "(frontmatter)"}: ${issue.message}`)
    .join("\n");
  throw new Error(`Invalid lesson frontmatter in ${file}:\n${problems}`);
}

/** Prose words only: fenced code and the frontmatter are left out of the reading time. */
export function countProseWords(mdxBody: string): number {
  const prose = mdxBody
    .replace(/^---[\s\S]*?---/, "")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[^>]+>/g, " ");
  return prose.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

/** Prose alone; a lesson's listed time also counts its labs and self-check (see study-time.ts). */
export function readingMinutes(words: number): number {
  return studyMinutes({ words, labs: 0, questions: 0 });
}
