import "server-only";
import { listLessons } from "@/lib/content/lessons";
import { listLabs } from "@/lib/labs/catalog";
import { loadQuizzes } from "@/lib/questions/bank";
import type { Question } from "@/lib/questions/schema";
import type { ExportCatalog } from "./exports-rows";

/** Lessons, labs and questions the exports name columns and answers after (read once per process). */
export async function loadExportCatalog(): Promise<ExportCatalog> {
  const [lessons, quizzes] = await Promise.all([listLessons(), loadQuizzes()]);
  const questions = new Map<string, Question>();
  for (const quiz of quizzes) for (const question of quiz.questions) questions.set(question.id, question);
  return {
    lessons: lessons.map(({ slug, title }) => ({ slug, title })),
    labSlugs: listLabs().map((lab) => lab.slug),
    questions,
  };
}
