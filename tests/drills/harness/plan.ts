import { listLabs } from "@/lib/labs/catalog";
import { solutionSubmission } from "@/lib/labs/test-helpers";
import { loadQuizzes } from "@/lib/questions/bank";
import type { Question } from "@/lib/questions/schema";
import { actionIds, requireAction } from "./server-actions";

/** What simulated learners can do in this build: pages, quizzes, labs and the actions' ids. */
export type Plan = {
  lessons: string[];
  quizzes: Array<{
    slug: string;
    questions: Array<Pick<Question, "id" | "type"> & { blanks?: number; options?: string[] }>;
  }>;
  labs: Array<{
    slug: string;
    submission: { labSlug: string; code?: string; params?: Record<string, number> };
  }>;
  actions: { startQuizAttempt: string; saveAnswer: string; submitQuiz: string; submitLabSolution: string };
};

export async function loadPlan(): Promise<Plan> {
  const ids = actionIds();
  const quizzes = (await loadQuizzes()).map((quiz) => ({
    slug: quiz.lesson,
    questions: quiz.questions.map((question) => ({
      id: question.id,
      type: question.type,
      ...(question.type === "fill-in" ? { blanks: question.blanks.length } : {}),
      ...(question.type === "multiple-choice"
        ? { options: question.options.map((option) => option.id) }
        : {}),
    })),
  }));
  return {
    lessons: quizzes.map((quiz) => quiz.slug),
    quizzes,
    labs: listLabs().map((lab) => ({
      slug: lab.slug,
      submission: solutionSubmission(lab),
    })),
    actions: {
      startQuizAttempt: requireAction(ids, "components/quiz/actions.ts#startQuizAttempt"),
      saveAnswer: requireAction(ids, "components/quiz/actions.ts#saveAnswer"),
      submitQuiz: requireAction(ids, "components/quiz/actions.ts#submitQuiz"),
      submitLabSolution: requireAction(ids, "components/labs/actions.ts#submitLabSolution"),
    },
  };
}
