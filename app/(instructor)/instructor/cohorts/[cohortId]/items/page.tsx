import type { Metadata } from "next";
import { ItemTable } from "@/components/instructor/items/item-table";
import { MethodNote } from "@/components/instructor/items/method-note";
import { QuizSummary } from "@/components/instructor/items/quiz-summary";
import { db } from "@/lib/db";
import { requireTaughtCohort } from "@/lib/instructor/cohort-guard";
import { loadCohortItemAnalysis } from "@/lib/instructor/item-analysis-data";
import { loadQuizzes } from "@/lib/questions/bank";

export const metadata: Metadata = { title: "Item analysis" };

type Props = { params: Promise<{ cohortId: string }> };

/** Per lesson quiz: its figures and its questions, flagged ones first. */
export default async function ItemAnalysisPage({ params }: Props) {
  const { cohortId } = await params;
  const { user } = await requireTaughtCohort(cohortId, `/instructor/cohorts/${cohortId}/items`);
  const { cohort, quizzes } = await loadCohortItemAnalysis(db(), user, cohortId, await loadQuizzes());
  const taken = quizzes.filter((quiz) => quiz.analysis.learners > 0);
  const untaken = quizzes.filter((quiz) => quiz.analysis.learners === 0);
  const warnings = (quiz: (typeof quizzes)[number]) =>
    quiz.analysis.items.filter((item) => item.flags.some((flag) => flag.severity === "warning")).length;

  return (
    <section aria-labelledby="items-heading">
      <h1 id="items-heading" className="text-2xl font-bold tracking-tight">
        Item analysis
      </h1>
      <MethodNote />
      {taken.length > 0 && (
        <nav aria-label="Quizzes" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {taken.map((quiz) => (
              <li key={quiz.slug}>
                <a
                  href={`#quiz-${quiz.slug}`}
                  className="inline-block rounded-md border border-border px-2 py-1 hover:bg-bg-muted"
                >
                  {quiz.title}
                  {warnings(quiz) > 0 && (
                    <span className="ml-1 text-fg-muted">· {warnings(quiz)} to check</span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {taken.length === 0 && (
        <p
          className="mt-6 rounded-xl border border-dashed border-border p-6 text-center text-fg-muted"
          data-testid="items-empty"
        >
          No learner in {cohort.name} has submitted a lesson quiz yet.
        </p>
      )}
      {taken.map((quiz) => (
        <section
          key={quiz.slug}
          id={`quiz-${quiz.slug}`}
          aria-labelledby={`quiz-${quiz.slug}-heading`}
          className="mt-8 scroll-mt-4 border-t border-border pt-6"
          data-testid={`quiz-${quiz.slug}`}
        >
          <h2 id={`quiz-${quiz.slug}-heading`} className="text-xl font-semibold">
            {quiz.title}
          </h2>
          <QuizSummary analysis={quiz.analysis} />
          <ItemTable
            cohortId={cohort.id}
            quizTitle={quiz.title}
            items={quiz.analysis.items}
            questions={quiz.questions}
          />
        </section>
      ))}
      {untaken.length > 0 && taken.length > 0 && (
        <p className="mt-8 text-sm text-fg-muted">
          Not submitted by anyone yet: {untaken.map((quiz) => quiz.title).join(", ")}.
        </p>
      )}
    </section>
  );
}
