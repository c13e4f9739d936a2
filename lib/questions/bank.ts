import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { QuizFileSchema, type Question, type QuizFile } from "./schema";

// The only module that reads answer keys. `server-only` makes the build fail
// if any client component imports it (directly or through another module).
const QUESTIONS_DIR = path.join(process.cwd(), "content", "questions");

export type QuizSummary = {
  slug: string;
  title: string;
  counts: Record<Question["type"], number>;
  total: number;
};

async function loadAll(): Promise<QuizFile[]> {
  const names = (await readdir(QUESTIONS_DIR)).filter((name) => name.endsWith(".yaml")).sort();
  const quizzes = await Promise.all(
    names.map(async (name) => {
      const file = path.join("content", "questions", name);
      const parsed = QuizFileSchema.safeParse(parse(await readFile(path.join(QUESTIONS_DIR, name), "utf8")));
      if (!parsed.success) {
        const problems = parsed.error.issues
          .map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`)
          .join("\n");
        throw new Error(`Invalid question file ${file}:\n${problems}`);
      }
      return parsed.data;
    }),
  );
  const seen = new Set<string>();
  for (const quiz of quizzes) {
    for (const question of quiz.questions) {
      if (seen.has(question.id))
        throw new Error(`Question id "${question.id}" is used twice (content/questions)`);
      seen.add(question.id);
    }
  }
  return quizzes;
}

// The bank ships with the build and never changes while the server runs: read and validate it once
// per process, not on every autosave (React's cache() would only last one request).
let bank: Promise<QuizFile[]> | null = null;
export function loadQuizzes(): Promise<QuizFile[]> {
  bank ??= loadAll().catch((error: unknown) => {
    bank = null;
    throw error;
  });
  return bank;
}

export async function getQuiz(slug: string): Promise<QuizFile | null> {
  return (await loadQuizzes()).find((quiz) => quiz.lesson === slug) ?? null;
}

export async function getQuestionsById(
  ids: string[],
): Promise<Map<string, { question: Question; quiz: string }>> {
  const wanted = new Set(ids);
  const found = new Map<string, { question: Question; quiz: string }>();
  for (const quiz of await loadQuizzes()) {
    for (const question of quiz.questions)
      if (wanted.has(question.id)) found.set(question.id, { question, quiz: quiz.lesson });
  }
  return found;
}

export function summarise(quiz: QuizFile): QuizSummary {
  const counts = { "fill-in": 0, "true-false": 0, "multiple-choice": 0, interview: 0 };
  for (const question of quiz.questions) counts[question.type] += 1;
  return { slug: quiz.lesson, title: quiz.title, counts, total: quiz.questions.length };
}
