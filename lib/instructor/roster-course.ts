import "server-only";
import { listLessons } from "@/lib/content/lessons";
import { listLabs } from "@/lib/labs/catalog";
import { loadQuizzes } from "@/lib/questions/bank";
import type { RosterCourse } from "./roster-data";

/** The roster's columns, in course order: every lesson, the lessons that have a quiz, every lab. */
export async function loadRosterCourse(): Promise<RosterCourse> {
  const [lessons, quizzes] = await Promise.all([listLessons(), loadQuizzes()]);
  const order = new Map(lessons.map((lesson, index) => [lesson.slug, index]));
  return {
    lessons: lessons.map((lesson) => ({ slug: lesson.slug, title: lesson.title })),
    quizzes: quizzes
      .filter((quiz) => order.has(quiz.lesson))
      .sort((a, b) => (order.get(a.lesson) ?? 0) - (order.get(b.lesson) ?? 0))
      .map((quiz) => ({
        slug: quiz.lesson,
        title: lessons[order.get(quiz.lesson) ?? 0]?.title ?? quiz.title,
      })),
    labs: listLabs().map((lab) => ({ slug: lab.slug, title: lab.title, lesson: lab.lesson })),
  };
}
